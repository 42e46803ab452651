"""One awkward article in every format: CR LF, lone CR, U+2028, U+2029 and emoji before a
phrase to select, for the tests that check every import path keeps one text model."""

from __future__ import annotations

import json
import zipfile
from collections.abc import Callable
from pathlib import Path

import docx

from gui.core.articles import content_hash
from gui.core.importing import import_file, import_text
from gui.core.interchange.json_format import FORMAT_KEY

from .test_pdf import make_pdf

PHRASE = "Joe Biden visited Berlin"
SENTENCE = f"Officials \U0001f642 said on Monday\u2028that {PHRASE} on a cold day."
SECOND = "A second line\u2029with more \U0001f44d\U0001f3fd news from the ministry."
LEAD = "The delegation arrived late in the evening and was met at the airport by aides."
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def txt(folder: Path) -> Path:
    """A .txt file with CR LF line ends, a lone CR and the separators."""
    path = folder / "talks.txt"
    text = f"Talks in Berlin\r\n\r\n{SENTENCE}\r\n{SECOND}\r{LEAD}\r\n"
    path.write_bytes(text.encode("utf-8"))
    return path


def markdown(folder: Path) -> Path:
    """A Markdown file with CR LF line ends."""
    path = folder / "talks.md"
    text = f"# Talks in Berlin\r\n\r\n{SENTENCE}\r\n\r\n{SECOND}\r\n\r\n{LEAD}\r\n"
    path.write_bytes(text.encode("utf-8"))
    return path


def html(folder: Path) -> Path:
    """A saved page whose paragraphs hold the separators, lines ending in CR LF."""
    path = folder / "talks.html"
    paragraphs = "\r\n".join(f"<p>{p} {LEAD}</p>" for p in (SENTENCE, SECOND, LEAD))
    page = (
        f"<html>\r\n<body><article><h1>Talks in Berlin</h1>\r\n{paragraphs}</article></body></html>"
    )
    path.write_bytes(page.encode("utf-8"))
    return path


def word(folder: Path) -> Path:
    """A .docx whose text nodes hold CR LF (as &#13;&#10;) and the separators."""
    template, path = folder / "template.docx", folder / "talks.docx"
    docx.Document().save(str(template))
    runs = "".join(
        f"<w:p><w:r><w:t xml:space='preserve'>{text}</w:t></w:r></w:p>"
        for text in ("Talks in Berlin", SENTENCE.replace("Monday", "Monday&#13;&#10;"), SECOND)
    )
    body = f'<?xml version="1.0"?><w:document {W}><w:body>{runs}</w:body></w:document>'
    with zipfile.ZipFile(template) as source, zipfile.ZipFile(path, "w") as target:
        for item in source.infolist():
            data = body.encode() if item.filename == "word/document.xml" else source.read(item)
            target.writestr(item, data)
    return path


def pdf(folder: Path) -> Path:
    """A PDF whose text has CR characters (its fonts have no emoji or separators)."""
    path = folder / "talks.pdf"
    lines = ["Talks in Berlin", f"Officials said on Monday\r\nthat {PHRASE} on a cold day."]
    path.write_bytes(make_pdf([lines]))
    return path


FILES: dict[str, Callable[[Path], Path]] = {
    "txt": txt,
    "md": markdown,
    "html": html,
    "docx": word,
    "pdf": pdf,
}


def own_json(folder: Path) -> Path:
    """A Sourcelight export of a text with CR LF, an annotation and an entity on PHRASE."""
    text = f"Talks in Berlin\r\n\r\n{SENTENCE}\r\n{SECOND}\r\n"
    start = text.index(PHRASE)
    end = start + len(PHRASE)
    anchor = {"start": start, "end": end, "exact": PHRASE, "prefix": text[start - 32 : start],
              "suffix": text[end : end + 32]}  # fmt: skip
    entity = {"start": start, "end": start + 9, "text": "Joe Biden", "label": "PERSON"}
    entity["group"] = "Joe Biden"
    document = {
        FORMAT_KEY: 2,
        "text": text,
        "content_hash": content_hash(text),
        "metadata": {"title": "Talks in Berlin"},
        "pipeline": "some-pipeline",
        "entities": [entity],
        "annotations": [{"label": "Claim", "anchor": anchor, "note": "", "annotator": "ana"}],
    }
    path = folder / "talks.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


def imported_body(kind: str, folder: Path) -> str:
    """The body an importer makes of the awkward article (kind: a FILES key, or "paste")."""
    if kind == "paste":
        return import_text(f"Talks in Berlin\r\n\r\n{SENTENCE}\r\n{SECOND}\r\n").body
    return import_file(FILES[kind](folder)).body
