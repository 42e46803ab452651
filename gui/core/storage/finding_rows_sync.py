"""Writing an article's findings as rows (migration 9's tables), in step with the one writer.

The rows hold the article's composed findings: what was found, with the user's corrections
of attributions applied (as gui.core.findings.compose gives them), so that questions asked of
the whole library see the corrections. One set per article: the findings saved last for its
current body. They are written inside the transaction of the command that changes them:

- SaveFindings writes the rows of what it saves (sourcing_store);
- a sourcing correction added or removed re-derives them from the cache (sourcing_store);
- a new body drops them, and its undo brings them back from the cache (articles_store);
- deleting the article drops them (ON DELETE CASCADE), undo puts them back as they were
  (take_rows/restore_rows, in the article's snapshot).

The findings' entities are those the findings were found over (the ones their cache id was
made from): the entity rows of the pipeline the id names, with the library's entity
corrections, told apart by the digest at the end of the id (entities_digest).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence
from typing import Any

from sqlite_utils import Database

from gui.core.entities.corrections import Correction, apply_corrections
from gui.core.entities.pipeline import Entity
from gui.core.library.commands import TableRows
from gui.core.sourcing.checks import find_checks
from gui.core.sourcing.commands import SourcingCorrection
from gui.core.sourcing.corrections import apply_sourcing_corrections
from gui.core.sourcing.keys import name_key, quote_key
from gui.core.sourcing.model import UNNAMED, Attribution, Findings, NumericClaim, Source
from gui.core.sourcing.source_rows import GroupSpans, SourceRow, build_sources, source_name

# Each table with its columns, parents first (the order rows are put back in).
COLUMNS: dict[str, tuple[str, ...]] = {
    "finding_sets": (
        "article_id", "findings_id", "analysed_at", "content_hash", "corrections", "named",
        "anonymous", "relayed_share", "primary_share", "secondary_share", "tertiary_share",
        "hedge_density", "unattributed", "chain_depth",
    ),
    "quotes": (
        "id", "article_id", "attribution", "kind", "start", "end", "text", "normalised",
        "speaker", "speaker_key", "speaker_type", "anonymous", "quote_marks", "paragraph", "via",
        "speaker_start", "speaker_end", "speaker_resolved", "channel", "verify", "cue_start",
        "cue_end", "cue", "verb_class", "corrected",
    ),
    "relays": (
        "quote_id", "article_id", "position", "name", "name_key", "type", "text", "anonymous",
        "channel",
    ),
    "sources": (
        "article_id", "position", "name_key", "name", "type", "anonymous", "statements",
        "relayed", "verify", "channels",
    ),
    "hedges": ("article_id", "start", "end", "text", "class", "band", "speaker", "speaker_key"),
    "numeric_claims": (
        "article_id", "claim", "start", "end", "text", "value", "approximator", "counted",
        "window", "event", "source", "source_key", "via", "grp",
    ),
    "checks": ("article_id", "key", "kind", "start", "end", "text", "message", "spans"),
}  # fmt: skip
ROW_TABLES = tuple(COLUMNS)
_STAND_INS = frozenset({"pronoun", "description", "unknown"})
_CHAIN = " ← "
_ENTITY_LABELS = frozenset({"PERSON", "ORG", "OUTLET"})  # those source names are grouped by


def _insert(table: str) -> str:
    names = COLUMNS[table]
    quoted = ", ".join(f'"{name}"' for name in names)
    return f"INSERT INTO {table} ({quoted}) VALUES ({', '.join('?' for _ in names)})"


def _row(table: str, **values: Any) -> tuple[Any, ...]:
    """A row of table in COLUMNS order, from its values by name (a name left out is NULL)."""
    unknown = set(values) - set(COLUMNS[table])
    if unknown:
        raise KeyError(f"{table} has no column {sorted(unknown)}")
    return tuple(values.get(name) for name in COLUMNS[table])


def entities_digest(entities: Sequence[Entity]) -> str:
    """The part of a findings cache id that names the entities the findings were found over."""
    spans = [(e.start, e.end, e.label, e.group) for e in entities]
    return hashlib.sha256(json.dumps(spans).encode()).hexdigest()[:12]


# Writing


def drop_rows(db: Database, article_id: int) -> None:
    """Remove the article's finding rows (relays go with their quotes, the index by trigger)."""
    for table in reversed(ROW_TABLES):
        if table != "relays":
            db.execute(f"DELETE FROM {table} WHERE article_id = ?", [article_id])


def write_rows(
    db: Database, article_id: int, findings_id: str, analysed_at: str, raw: Findings
) -> None:
    """Replace the article's rows with those of raw (as found), composed with corrections."""
    drop_rows(db, article_id)
    body, digest = db.execute(
        "SELECT body, content_hash FROM articles WHERE id = ?", [article_id]
    ).fetchone()
    corrections = _sourcing_corrections(db, article_id)
    findings = apply_sourcing_corrections(raw, corrections) if corrections else raw
    entities = found_over(db, article_id, findings_id, body)
    groups = GroupSpans(
        [(e.start, e.end, e.group) for e in entities if e.label in _ENTITY_LABELS and e.group]
    )
    sources = build_sources(findings, entities)
    p = findings.profile
    db.execute(
        _insert("finding_sets"),
        _row(
            "finding_sets",
            article_id=article_id,
            findings_id=findings_id,
            analysed_at=analysed_at,
            content_hash=digest,
            corrections=len(corrections),
            named=p.named,
            anonymous=p.anonymous,
            relayed_share=p.relayed_share,
            primary_share=p.primary,
            secondary_share=p.secondary,
            tertiary_share=p.tertiary,
            hedge_density=p.hedge_density,
            unattributed=p.unattributed,
            chain_depth=p.chain_depth,
        ),
    )
    _write_quotes(db, article_id, findings.attributions, sources, groups)
    rows = (_source_row(article_id, n, row) for n, row in enumerate(sources))
    db.conn.executemany(_insert("sources"), rows)
    db.conn.executemany(
        _insert("hedges"),
        (
            (article_id, h.start, h.end, h.text, h.cls, h.band, h.speaker, name_key(h.speaker))
            for h in findings.hedges
        ),
    )
    db.conn.executemany(
        _insert("numeric_claims"), (_claim_row(article_id, n) for n in findings.numbers)
    )
    db.conn.executemany(
        _insert("checks"),
        (
            (article_id, c.key, c.kind, *_first_span(c.spans), c.message, len(c.spans))
            for c in find_checks(findings, entities, sources)
        ),
    )


def refresh_rows(db: Database, article_id: int) -> None:
    """Rows again from the cache: the set in use if it is still current, else the latest
    findings saved for the current body; none when there are none (a new body)."""
    current = db.execute(
        "SELECT c.pipeline_id, c.analysed_at, c.findings FROM sourcing_cache AS c"
        " JOIN articles AS a ON a.id = c.article_id AND c.content_hash = a.content_hash"
        " LEFT JOIN finding_sets AS f ON f.article_id = c.article_id"
        " AND f.findings_id = c.pipeline_id"
        " WHERE c.article_id = ? ORDER BY f.article_id IS NULL, c.rowid DESC",
        [article_id],
    ).fetchall()
    for findings_id, analysed_at, text in current:
        findings = read_findings(text)
        if findings is not None:
            write_rows(db, article_id, findings_id, analysed_at, findings)
            return
    drop_rows(db, article_id)


def read_findings(text: str) -> Findings | None:
    """Cached findings read back; None when the JSON cannot be read as findings."""
    try:
        return Findings.from_json(json.loads(text))
    except ValueError:
        return None


def found_over(db: Database, article_id: int, findings_id: str, body: str) -> list[Entity]:
    """The corrected entities the findings of this cache id were found over.

    Those of the article's pipeline named at the start of the id whose digest matches its
    end; else the closest there is (the named pipeline's, or the correction rules' alone).
    """
    rules = [
        Correction(*row)
        for row in db.execute("SELECT id, kind, text, label, grp, created FROM corrections")
    ]
    digest = findings_id.rpartition("/entities-")[2]
    pipelines = db.execute(
        "SELECT an.pipeline_id FROM analyses AS an JOIN articles AS a ON a.id = an.article_id"
        " WHERE an.article_id = ? AND an.content_hash = a.content_hash ORDER BY an.rowid DESC",
        [article_id],
    ).fetchall()
    closest: list[Entity] | None = None
    for (pipeline_id,) in pipelines:
        if not findings_id.startswith(pipeline_id + "/"):
            continue
        raw = [
            Entity(*row)
            for row in db.execute(
                'SELECT start, "end", label, text, grp FROM entities'
                " WHERE article_id = ? AND pipeline_id = ? ORDER BY rowid",
                [article_id, pipeline_id],
            )
        ]
        corrected = apply_corrections(body, raw, rules) if rules else raw
        if entities_digest(corrected) == digest:
            return corrected
        closest = corrected if closest is None else closest
    return closest if closest is not None else apply_corrections(body, [], rules)


def _sourcing_corrections(db: Database, article_id: int) -> list[SourcingCorrection]:
    rows = db.execute(
        'SELECT id, article_id, kind, start, "end", exact, value, created'
        " FROM sourcing_corrections WHERE article_id = ? ORDER BY id",
        [article_id],
    )
    return [SourcingCorrection(*row) for row in rows]


def _write_quotes(
    db: Database,
    article_id: int,
    attributions: Sequence[Attribution],
    sources: Sequence[SourceRow],
    groups: GroupSpans,
) -> None:
    """One quotes row per attribution, and its relays (ids given here: two statements)."""
    keys = _speaker_keys(sources)
    # Never an id handed out before: undoing a deletion puts its quotes back with theirs.
    next_id = db.execute(
        "SELECT coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'quotes'), 0) + 1"
    ).fetchone()[0]
    quotes, relays = [], []
    for quote_id, a in enumerate(attributions, next_id):
        s, content, cue = a.source, a.content, a.cue
        span = s.span
        quotes.append(
            _row(
                "quotes",
                id=quote_id,
                article_id=article_id,
                attribution=a.id,
                kind=a.kind,
                start=content.start,
                end=content.end,
                text=content.text,
                normalised=quote_key(content.text),
                speaker=span.text if span else s.name,  # a speaker the user gave has no span
                speaker_key=keys.get((content.start, content.end), ""),
                speaker_type=s.type,
                anonymous=s.anonymous,
                quote_marks=a.quote_marks,
                paragraph=a.paragraph,
                via=_CHAIN.join(via.name for via in a.via),
                speaker_start=span.start if span else None,
                speaker_end=span.end if span else None,
                speaker_resolved=s.resolved,
                channel=s.channel,
                verify=s.verify,
                cue_start=cue.start if cue else None,
                cue_end=cue.end if cue else None,
                cue=cue.text if cue else "",
                verb_class=a.verb_class,
                corrected=a.corrected,
            )
        )
        relays.extend(
            _relay_row(quote_id, article_id, n, via, groups) for n, via in enumerate(a.via)
        )
    db.conn.executemany(_insert("quotes"), quotes)
    db.conn.executemany(_insert("relays"), relays)


def _relay_row(
    quote_id: int | None,
    article_id: int,
    position: int,
    via: Source,
    groups: GroupSpans,
) -> tuple[Any, ...]:
    name = source_name(via, groups)
    return _row(
        "relays",
        quote_id=quote_id,
        article_id=article_id,
        position=position,
        name=name,
        name_key=name_key(name),
        type=via.type,
        text=via.span.text if via.span else "",
        anonymous=via.anonymous,
        channel=via.channel,
    )


def _speaker_keys(sources: Iterable[SourceRow]) -> dict[tuple[int, int], str]:
    """The speaker key of each statement's content span: its source's name, when named."""
    keys: dict[tuple[int, int], str] = {}
    for row in sources:
        unresolved = row.anonymous or row.name == UNNAMED or row.type in _STAND_INS
        for span in row.statements:
            keys.setdefault((span.start, span.end), "" if unresolved else name_key(row.name))
    return keys


def _source_row(article_id: int, position: int, row: SourceRow) -> tuple[Any, ...]:
    return _row(
        "sources",
        article_id=article_id,
        position=position,
        name_key=name_key(row.name),
        name=row.name,
        type=row.type,
        anonymous=row.anonymous,
        statements=len(row.statements),
        relayed=len(row.relayed),
        verify=row.verify,
        channels="; ".join(row.channels),
    )


def _claim_row(article_id: int, claim: NumericClaim) -> tuple[Any, ...]:
    return _row(
        "numeric_claims",
        article_id=article_id,
        claim=claim.id,
        start=claim.span.start,
        end=claim.span.end,
        text=claim.span.text,
        value=claim.value,
        approximator=claim.approximator,
        counted=claim.counted,
        window=claim.window,
        event=claim.event,
        source=claim.source,
        source_key=name_key(claim.source),
        via=_CHAIN.join(claim.via),
        grp=claim.group,
    )


def _first_span(spans: Sequence[Any]) -> tuple[Any, Any, str]:
    if not spans:
        return None, None, ""
    return spans[0].start, spans[0].end, spans[0].text


# Snapshots (an article's deletion and its undo)


def take_rows(db: Database, article_id: int) -> tuple[TableRows, ...]:
    """The article's finding rows, to be put back by restore_rows with the same ids."""
    taken = []
    for table, names in COLUMNS.items():
        quoted = ", ".join(f'"{name}"' for name in names)
        sql = f"SELECT {quoted} FROM {table} WHERE article_id = ? ORDER BY rowid"
        taken.append((table, tuple(db.execute(sql, [article_id]).fetchall())))
    return tuple(taken)


def restore_rows(db: Database, rows: Sequence[TableRows]) -> None:
    """Insert rows taken by take_rows, parents first (the quote index follows by trigger)."""
    for table, table_rows in sorted(rows, key=lambda item: ROW_TABLES.index(item[0])):
        db.conn.executemany(_insert(table), table_rows)
