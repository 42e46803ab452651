"""HTML import: the article without the page around it, its metadata, and no network at all."""

from __future__ import annotations

import shutil
import socket
import urllib.request
from pathlib import Path

import pytest
import urllib3

from gui.core.importing import ImportFailure, import_file
from gui.core.importing.html import NO_ARTICLE, declared_charset

FIXTURES = Path(__file__).parents[2] / "fixtures" / "importing"
PAGE = FIXTURES / "harbour_strike.html"
PARAGRAPH = (
    "<p>The council voted on Tuesday to close the old bridge to heavy lorries after "
    "engineers found cracks in two of its supports.</p>"
)


def write(tmp_path: Path, data: bytes, name: str = "page.html") -> Path:
    """Write bytes to a file in tmp_path and return its path."""
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_article_text_is_kept():
    body = import_file(PAGE).body
    assert body.startswith("Harbour cranes fall silent as dock strike spreads\n\nPORT ELSWICK")
    assert "“We will not go back to twelve-hour nights,” said Odile Marchetti" in body
    assert body.endswith("smaller harbours along the coast.")


def test_paragraphs_are_apart_by_blank_lines():
    body = import_file(PAGE).body
    paragraphs = body.split("\n\n")
    assert len(paragraphs) == 5
    assert all("\n" not in paragraph for paragraph in paragraphs)


@pytest.mark.parametrize(
    "boilerplate",
    ["Home", "Accept all", "cookies", "Related stories", "Ferry fares", "Copyright",
     "sentinel", "font-family"],
)  # fmt: skip
def test_page_furniture_is_dropped(boilerplate):
    assert boilerplate not in import_file(PAGE).body


def test_metadata_is_read_from_the_page():
    imported = import_file(PAGE)
    metadata = imported.metadata
    assert imported.format == "html"
    assert metadata.title == "Harbour cranes fall silent as dock strike spreads"
    assert metadata.byline == "Mara Lindqvist"
    assert metadata.outlet == "The Coastal Ledger"
    assert metadata.published == "2023-11-14"
    assert metadata.url == "https://ledger.invalid/news/2023/11/harbour-cranes"
    assert metadata.dateline == "PORT ELSWICK"  # from the wire dateline, as a fallback


def test_htm_suffix(tmp_path):
    copy = tmp_path / "saved.htm"
    shutil.copyfile(PAGE, copy)
    assert import_file(copy).format == "html"


@pytest.fixture
def network_attempts(monkeypatch):
    """Make every way out to the network fail, and record each attempt."""
    attempts: list[str] = []

    def refuse(name):
        def refused(*args, **kwargs):
            attempts.append(name)
            raise OSError(f"network access attempted through {name}")

        return refused

    monkeypatch.setattr(socket.socket, "connect", refuse("socket.connect"))
    monkeypatch.setattr(socket.socket, "connect_ex", refuse("socket.connect_ex"))
    monkeypatch.setattr(socket, "create_connection", refuse("socket.create_connection"))
    monkeypatch.setattr(socket, "getaddrinfo", refuse("socket.getaddrinfo"))
    monkeypatch.setattr(urllib.request, "urlopen", refuse("urllib.request.urlopen"))
    monkeypatch.setattr(urllib3.PoolManager, "urlopen", refuse("urllib3.PoolManager"))
    monkeypatch.setattr(urllib3.HTTPConnectionPool, "urlopen", refuse("urllib3.HTTPConnectionPool"))
    return attempts


def test_the_network_guard_works(network_attempts):
    with pytest.raises(OSError):
        socket.create_connection(("example.invalid", 80))
    assert network_attempts == ["socket.create_connection"]


def test_no_network_access(network_attempts, tmp_path):
    page = PAGE.read_text(encoding="utf-8")
    assert 'src="http://img.' in page
    assert 'rel="stylesheet" href="http://' in page
    assert '<script src="http://' in page
    imported = import_file(write(tmp_path, page.encode("utf-8")))
    assert "PORT ELSWICK" in imported.body
    assert network_attempts == []


@pytest.mark.parametrize(
    "markup",
    [
        "<html><body><div><p>Unclosed <b>bold <i>and italic " + PARAGRAPH[3:-4],
        "<html><body><table><tr><td>" + PARAGRAPH + "</div></span></html></body>",
        "<p>" * 3000 + PARAGRAPH,
        "<html><body>" + PARAGRAPH + "<p>Second <a href='x'>para",
    ],
    ids=["unclosed", "stray-closers", "deep", "dangling-link"],
)
def test_malformed_html_still_gives_the_text(tmp_path, markup):
    body = import_file(write(tmp_path, markup.encode("utf-8"))).body
    assert "engineers found cracks in two of its supports." in body


@pytest.mark.parametrize(
    "markup",
    [
        "<<<>>>&&&;;;<!-- <![CDATA[ ]]> </>",
        "<html></html>",
        "<html><head><title>Only a title</title></head><body></body></html>",
    ],
    ids=["garbage", "empty-document", "title-only"],
)
def test_pages_without_article_text(tmp_path, markup):
    with pytest.raises(ImportFailure) as caught:
        import_file(write(tmp_path, markup.encode("utf-8")))
    assert caught.value.reason == NO_ARTICLE


def cp1252_page(meta: str) -> bytes:
    """A page encoded in Windows-1252, with the given charset declaration."""
    text = (
        f"<html><head>{meta}<title>Café</title></head><body>"
        "<p>The café owner called the closure “a disgrace” and said the élite "
        "of the town had never once eaten there, not even on market days.</p></body></html>"
    )
    return text.encode("cp1252")


@pytest.mark.parametrize(
    "meta",
    [
        '<meta charset="windows-1252">',
        '<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">',
    ],
)
def test_meta_charset_is_honoured(tmp_path, meta):
    body = import_file(write(tmp_path, cp1252_page(meta))).body
    assert "The café owner called the closure “a disgrace” and said the élite" in body


def test_bom_wins_over_meta_charset(tmp_path):
    text = (
        '<html><head><meta charset="windows-1252"></head><body>'
        "<p>Der Bürgermeister von Köln eröffnete die neue Brücke über den Rhein am "
        "Dienstagmorgen vor zahlreichen Zuschauern.</p></body></html>"
    )
    body = import_file(write(tmp_path, b"\xef\xbb\xbf" + text.encode("utf-8"))).body
    assert "Der Bürgermeister von Köln" in body


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (b'<meta charset="utf-8">', "utf-8"),
        (b"<meta charset=windows-1251>", "cp1251"),
        (b'<META HTTP-EQUIV="content-type" CONTENT="text/html; charset=latin1">', "cp1252"),
        (b'<meta charset="utf-16">', "utf-8"),
        (b'<meta charset="no-such-charset">', None),
        (b"<title>none</title>", None),
    ],
)
def test_declared_charset(head, expected):
    assert declared_charset(b"<html><head>" + head + b"</head></html>") == expected
