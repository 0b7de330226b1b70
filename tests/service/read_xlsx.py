#!/usr/bin/env python3
"""Prints every row of an .xlsx workbook's sheets as tab-separated cells (Python's standard
zipfile and ElementTree: the test reads back what Excel would read)."""
import sys
import zipfile
import xml.etree.ElementTree as ET

NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}


def main(path):
    with zipfile.ZipFile(path) as z:
        shared = []
        if "xl/sharedStrings.xml" in z.namelist():
            for si in ET.fromstring(z.read("xl/sharedStrings.xml")).findall("m:si", NS):
                shared.append("".join(t.text or "" for t in si.iter("{%s}t" % NS["m"])))
        sheets = sorted(n for n in z.namelist() if n.startswith("xl/worksheets/sheet"))
        for name in sheets:
            print("#sheet\t" + name)
            for row in ET.fromstring(z.read(name)).iter("{%s}row" % NS["m"]):
                cells = []
                for c in row.findall("m:c", NS):
                    v = c.find("m:v", NS)
                    text = v.text if v is not None else ""
                    if c.get("t") == "s":
                        text = shared[int(text)]
                    elif c.get("t") == "inlineStr":
                        text = "".join(t.text or "" for t in c.iter("{%s}t" % NS["m"]))
                    cells.append(text)
                print("\t".join(cells))


if __name__ == "__main__":
    main(sys.argv[1])
