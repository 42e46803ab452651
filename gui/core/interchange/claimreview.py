"""The user's verdicts on an article's numeric claims as schema.org ClaimReview JSON-LD.

One ClaimReview per claim the user assessed: the sentence the figure stands in, the claim
(who made it, where it appeared, and the outlet it first appeared through when it was
relayed), the verdict as a 1-5 rating with its name, the Admiralty grade and note, who
reviewed it and when. Relations between claims are Sourcelight's own and stay out.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from gui.core.articles import Article
from gui.core.interchange.common import article_urn
from gui.core.sourcing.commands import ClaimAssessment, split_claim_key
from gui.core.sourcing.model import Attribution, Findings, NumericClaim, SpanText
from gui.core.storage import ArticleStore, Library, SourcingStore

CONTEXT = "https://schema.org"
BEST_RATING = 5
WORST_RATING = 1
# status -> (ratingValue, alternateName): the common fact-check scale, 1 false .. 5 true.
RATINGS: dict[str, tuple[int, str]] = {
    "false": (1, "False"),
    "disputed": (2, "Disputed"),
    "unverified": (3, "Unverified"),
    "verified": (5, "Verified"),
}
DEFAULT_REVIEWER = "Sourcelight user"
_ORGANISATION_TYPES = frozenset({"institution", "outlet"})
_SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019)\]]*(?=\s)|\n")
MAX_SENTENCE_CHARS = 600


def export_claimreview(
    library: Library, article_id: int, findings: Findings | None, annotator: str = ""
) -> dict[str, Any]:
    """A JSON-LD document: @context schema.org and an @graph of ClaimReviews, by position.

    findings: the article's findings (with the user's corrections applied). An assessed
    claim the findings lack is still reviewed if its text is where its key says, without a
    source; annotator names the reviewer of assessments that do not say who made them.
    KeyError when the library has no such article.
    """
    article = ArticleStore(library).get(article_id)
    found = findings or Findings()
    numbers = {n.key: n for n in found.numbers}
    attributions = found.attributions
    reviewed = []
    for key, assessment in SourcingStore(library).assessments(article_id).items():
        number = numbers.get(key) or _claim_from_key(article.body, key)
        if number is not None:
            reviewed.append((number.span.start, key, number, assessment))
    reviewed.sort(key=lambda item: item[:2])
    graph = [
        claim_review(article, number, assessment, attributions, annotator)
        for _, _, number, assessment in reviewed
    ]
    return {"@context": CONTEXT, "@graph": graph}


def claim_review(
    article: Article,
    number: NumericClaim,
    assessment: ClaimAssessment,
    attributions: Sequence[Attribution] = (),
    annotator: str = "",
) -> dict[str, Any]:
    """One ClaimReview of a numeric claim with the user's assessment."""
    start, end = number.span.start, number.span.end
    review: dict[str, Any] = {
        "@type": "ClaimReview",
        "@id": f"{article_urn(article.content_hash)}#char={start},{end}",
        "claimReviewed": sentence_around(article.body, start, end),
        "itemReviewed": _claim(article, number, attributions),
        "reviewRating": rating(assessment),
        "author": {
            "@type": "Person",
            "name": assessment.annotator or annotator or DEFAULT_REVIEWER,
        },
    }
    if assessment.modified:
        review["datePublished"] = assessment.modified[:10]
    return review


def rating(assessment: ClaimAssessment) -> dict[str, Any]:
    """The verdict as a schema.org Rating, with the Admiralty grade and note as explanation."""
    value, name = RATINGS[assessment.status]
    result: dict[str, Any] = {
        "@type": "Rating",
        "ratingValue": value,
        "bestRating": BEST_RATING,
        "worstRating": WORST_RATING,
        "alternateName": name,
    }
    explanation = _explanation(assessment)
    if explanation:
        result["ratingExplanation"] = explanation
    return result


def sentence_around(body: str, start: int, end: int) -> str:
    """The sentence of body that holds [start, end), on one line (the span itself if huge)."""
    first = 0
    for match in _SENTENCE_END.finditer(body, 0, start):
        first = match.end()
    following = _SENTENCE_END.search(body, end)
    last = following.end() if following else len(body)
    sentence = " ".join(body[first:last].split())
    return sentence if len(sentence) <= MAX_SENTENCE_CHARS else body[start:end]


def _claim(
    article: Article, number: NumericClaim, attributions: Sequence[Attribution]
) -> dict[str, Any]:
    """The schema.org Claim: who made it, where it appeared, where it first appeared."""
    claim: dict[str, Any] = {"@type": "Claim", "appearance": _appearance(article)}
    author = _author(article, number.source, attributions)
    if author:
        claim["author"] = author
    relay = _first_outlet(number.via, attributions)
    if relay:
        publisher = {"@type": "Organization", "name": relay}
        claim["firstAppearance"] = {"@type": "CreativeWork", "publisher": publisher}
    if article.metadata.published:
        claim["datePublished"] = article.metadata.published
    return claim


def _appearance(article: Article) -> dict[str, Any]:
    """The article as a CreativeWork: its URL, else its content-hash URN."""
    m = article.metadata
    work: dict[str, Any] = {"@type": "CreativeWork"}
    if m.url:
        work["url"] = m.url
    else:
        work["@id"] = article_urn(article.content_hash)
    if m.title:
        work["headline"] = m.title
    if m.outlet:
        work["publisher"] = {"@type": "Organization", "name": m.outlet}
    if m.published:
        work["datePublished"] = m.published
    return work


def _author(
    article: Article, source: str, attributions: Sequence[Attribution]
) -> dict[str, Any] | None:
    """Who made the claim: its source; with none, the article's outlet (or byline) itself."""
    if source:
        kind = _source_types(attributions).get(source.casefold(), "")
        schema_type = "Organization" if kind in _ORGANISATION_TYPES else "Person"
        return {"@type": schema_type, "name": source}
    m = article.metadata
    if m.outlet:
        return {"@type": "Organization", "name": m.outlet}
    return {"@type": "Person", "name": m.byline} if m.byline else None


def _first_outlet(via: Sequence[str], attributions: Sequence[Attribution]) -> str:
    """The innermost relay of a claim's chain that is an outlet (or of unknown type); else ""."""
    types = _source_types(attributions)
    for name in reversed(list(via)):
        if name and types.get(name.casefold(), "outlet") == "outlet":
            return name
    return ""


def _source_types(attributions: Sequence[Attribution]) -> dict[str, str]:
    """The type of each source and relay the findings name, by casefolded name."""
    types: dict[str, str] = {}
    for attribution in attributions:
        for source in (attribution.source, *attribution.via):
            if source.name:
                types.setdefault(source.name.casefold(), source.type)
    return types


def _explanation(assessment: ClaimAssessment) -> str:
    """ "Admiralty grade B2 (source B, information 2). <note>" — whatever of it is known."""
    parts = []
    if assessment.grade:
        detail = ", ".join(
            f"{what} {grade}"
            for what, grade in (
                ("source", assessment.source_grade),
                ("information", assessment.info_grade),
            )
            if grade
        )
        parts.append(f"Admiralty grade {assessment.grade} ({detail}).")
    if assessment.note.strip():
        parts.append(assessment.note.strip())
    return " ".join(parts)


def _claim_from_key(body: str, key: str) -> NumericClaim | None:
    """A bare claim (no source) from its key, if its text is still where the key says."""
    parts = split_claim_key(key)
    if parts is None:
        return None
    text, start = parts
    if body[start : start + len(text)] != text:
        return None
    return NumericClaim(0, SpanText(start, start + len(text), text))
