"""What one article brings to the library-wide views, from its corrected findings.

The same values the rows tables hold, made in memory: the appearances of its statements,
its sources, its figures and its relayed statements. Tests and small libraries use these;
the library-wide queries read the rows instead.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from gui.core.articles import Article
from gui.core.entities.pipeline import Entity
from gui.core.sourcing.keys import name_key
from gui.core.sourcing.model import Attribution, Findings, Source
from gui.core.sourcing.source_rows import NAMED_TYPES, build_sources, source_name
from gui.core.tracing.claims import ClaimFigure
from gui.core.tracing.model import Appearance
from gui.core.tracing.outlets import RelayedStatement, outlet_chain
from gui.core.tracing.sources import SourceMention

_LABELS = frozenset({"PERSON", "ORG", "OUTLET"})


def speaker_key(source: Source, entities: Sequence[Entity] = ()) -> str:
    """The key of a named source (its alias group or name, normalised); '' when unnamed."""
    if source.anonymous or source.type not in NAMED_TYPES:
        return ""
    return name_key(source_name(source, _groups(entities)))


def appearances(article: Article, findings: Findings, entities: Sequence[Entity] = ()):
    """The appearances of the article's statements, in text order."""
    return [_appearance(article, a, entities) for a in findings.attributions]


def _appearance(article: Article, a: Attribution, entities: Sequence[Entity]) -> Appearance:
    """One attribution as an appearance of its statement."""
    meta = article.metadata
    return Appearance(
        article_id=article.id,
        title=meta.title,
        outlet=meta.outlet,
        published=meta.published,
        start=a.content.start,
        end=a.content.end,
        text=a.content.text,
        speaker=a.source.name,
        speaker_key=speaker_key(a.source, entities),
        via=tuple(v.name for v in a.via),
        attribution=a.id,
        anonymous=a.source.anonymous,
    )


def source_mentions(article: Article, findings: Findings, entities: Sequence[Entity] = ()):
    """The article's sources, one mention each."""
    found = []
    for row in build_sources(findings, entities):
        key = name_key(row.name)  # as the rows writer keys every source
        found.append(
            SourceMention(
                row.name,
                key,
                row.type,
                1,
                int(row.anonymous),
                len(row.statements),
                len(row.relayed),
            )
        )
    return found


def claim_figures(article: Article, findings: Findings) -> list[ClaimFigure]:
    """The article's figures."""
    meta = article.metadata
    return [
        ClaimFigure(
            article.id,
            meta.title,
            meta.outlet,
            meta.published,
            n.id,
            n.span.start,
            n.span.end,
            n.span.text,
            n.value,
            n.counted,
            n.event,
            n.source,
            " ← ".join(n.via),
        )
        for n in findings.numbers
    ]


def relayed_statements(
    article: Article, findings: Findings, outlets: Collection[str] = ()
) -> list[RelayedStatement]:
    """The article's statements that came through someone, with their chains.

    outlets: keys known to name outlets, under which a person or an institution is one.
    """
    found = []
    for a in findings.attributions:
        chain = _chain(a, outlets)
        if chain:
            meta, content = article.metadata, a.content
            found.append(
                RelayedStatement(
                    article.id, meta.outlet, content.start, content.end, content.text, chain
                )
            )
    return found


def _chain(a: Attribution, outlets: Collection[str]) -> tuple[tuple[str, str], ...]:
    """(name, type) of who passed the statement on, then the speaker when it is an outlet."""
    return outlet_chain(((v.name, v.type) for v in a.via), (a.source.name, a.source.type), outlets)


def _groups(entities: Sequence[Entity]) -> list[tuple[int, int, str]]:
    """(start, end, group) of the named entities, as source_name takes them."""
    return [(e.start, e.end, e.group) for e in entities if e.label in _LABELS and e.group]
