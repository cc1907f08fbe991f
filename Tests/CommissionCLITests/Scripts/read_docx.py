#!/usr/bin/env python3
"""Reads Word documents with python-docx, a real third-party reader, and prints what it finds,
in document order, as JSON for the Swift test to check: each paragraph (style, text, whether
which of its text is bold), each table (rows of cell text, which rows repeat as headings), the section's
page size and margins, the footer's fields, and the core properties. Installs python-docx into
a virtual environment beside the build products when it is missing.

usage: read_docx.py VENV_DIR FILE.docx [FILE.docx ...]
"""
import json, os, subprocess, sys

venv = sys.argv[1]

from venv_setup import ensure

ensure(venv, ["docx"], ["python-docx"])
import docx
from docx.oxml.ns import qn

def blocks(document):
    out = []
    for child in document.element.body.iterchildren():
        if child.tag == qn("w:p"):
            p = docx.text.paragraph.Paragraph(child, document)
            out.append({"p": p.text, "style": p.style.name,
                        "bold": "".join(r.text for r in p.runs if r.bold)})
        elif child.tag == qn("w:tbl"):
            t = docx.table.Table(child, document)
            rows = [[c.text for c in row.cells] for row in t.rows]
            header = [row._tr.trPr is not None and row._tr.trPr.find(qn("w:tblHeader")) is not None
                      for row in t.rows]
            out.append({"table": rows, "header": header})
    return out

result = []
for path in sys.argv[2:]:
    d = docx.Document(path)
    section = d.sections[0]
    footer = section.footer._element.xml
    result.append({
        "blocks": blocks(d),
        "page": [section.page_width.twips if hasattr(section.page_width, "twips") else int(section.page_width / 635),
                 section.page_height.twips if hasattr(section.page_height, "twips") else int(section.page_height / 635)],
        "margins": [int(m / 635) for m in (section.top_margin, section.right_margin,
                                           section.bottom_margin, section.left_margin)],
        "footerFields": [f for f in ("PAGE", "NUMPAGES") if f" {f} " in footer],
        "title": d.core_properties.title,
        "font": d.styles["Normal"].font.name,
        "size": d.styles["Normal"].font.size.pt if d.styles["Normal"].font.size else None,
    })
print(json.dumps(result))
