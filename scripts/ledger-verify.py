#!/usr/bin/env python3
# An independent check of an NTT Mart ledger's hash chain, written from
# docs/ledger.md alone (Python standard library only: no Ed25519, so
# signatures are left to `ntt-pos verify`). It recomputes every entry's
# SHA-256 from the stored columns, checks each previous-hash link and that
# the sequence runs 1..n without gaps.
#
#   scripts/ledger-verify.py LEDGER.db      exit 0 and "OK n" or exit 1
#   scripts/ledger-verify.py --vector       print the docs/ledger.md vector
import hashlib
import sqlite3
import struct
import sys

DOMAIN = b"NTT-LEDGER-1\x00"

HEADER = ("seq:i uuid:t kind:t outlet_id:t device_id:t created_at_ms:i "
          "business_day:t author:t ref_uuid:t total_rp:i note:t key_id:t")
LINE = ("type:t code:t text:t qty:i unit:t price_rp:i disc_rp:i amount_rp:i "
        "tax_class:t tax_rp:i party:t share_rp:i")


def fields(spec):
    return [tuple(f.split(":")) for f in spec.split()]


def enc(spec, row):
    out = b""
    for name, kind in fields(spec):
        v = row[name]
        if kind == "i":
            out += struct.pack(">q", v)
        else:
            b = v.encode("utf-8")
            out += struct.pack(">I", len(b)) + b
    return out


def entry_hash(header, lines, prev_hash):
    body = enc(HEADER, header) + struct.pack(">I", len(lines))
    for line in lines:
        body += enc(LINE, line)
    return hashlib.sha256(DOMAIN + prev_hash + body).digest()


def vector():
    header = dict(seq=2, uuid="0f8e7a6c-5b4d-4c3b-9a29-18f7e6d5c4b3",
                  kind="sale", outlet_id="KPG01", device_id="KPG01-K1",
                  created_at_ms=1795278600123, business_day="2026-11-22",
                  author="ani", ref_uuid="", total_rp=365000, note="",
                  key_id="0123456789abcdef")
    blank = dict(type="", code="", text="", qty=0, unit="", price_rp=0,
                 disc_rp=0, amount_rp=0, tax_class="", tax_rp=0, party="",
                 share_rp=0)
    lines = [dict(blank, type="item", code="KOP-BJW-250",
                  text="Kopi Arabika Bajawa 250 g", qty=2, unit="pcs",
                  price_rp=85000, amount_rp=170000, tax_class="PPN11",
                  party="SUP-004", share_rp=144500),
             dict(blank, type="item", code="SEI-BABI-KG", text="Se'i babi",
                  qty=750, unit="g", price_rp=260000, amount_rp=195000,
                  tax_class="PPN11", party="SUP-009", share_rp=165750),
             dict(blank, type="pay", code="cash", amount_rp=400000),
             dict(blank, type="change", code="cash", amount_rp=-35000)]
    prev = bytes(range(32))
    return header, lines, prev


def verify(path):
    db = sqlite3.connect("file:%s?mode=ro" % path, uri=True)
    db.row_factory = sqlite3.Row
    prev = bytes(32)
    expect = 1
    lines = {}
    for row in db.execute("SELECT * FROM journal_lines ORDER BY seq, line_no"):
        lines.setdefault(row["seq"], []).append(row)
    for row in db.execute("SELECT * FROM journal ORDER BY seq"):
        seq = row["seq"]
        if seq != expect:
            return "entry %d: sequence gap, expected %d" % (seq, expect)
        if bytes(row["prev_hash"]) != prev:
            return "entry %d: previous-hash link broken" % seq
        h = entry_hash(row, lines.get(seq, []), prev)
        if h != bytes(row["hash"]):
            return "entry %d: content does not match its hash" % seq
        prev = h
        expect += 1
    print("OK %d %s" % (expect - 1, prev.hex()))
    return None


def main():
    if len(sys.argv) == 2 and sys.argv[1] == "--vector":
        header, lines, prev = vector()
        body = enc(HEADER, header) + struct.pack(">I", len(lines))
        for line in lines:
            body += enc(LINE, line)
        print("encoding length", len(body))
        print("encoding sha256", hashlib.sha256(body).hexdigest())
        print("entry hash", entry_hash(header, lines, prev).hex())
        return 0
    if len(sys.argv) != 2:
        print("usage: ledger-verify.py LEDGER.db | --vector", file=sys.stderr)
        return 2
    err = verify(sys.argv[1])
    if err:
        print("FAIL: " + err, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
