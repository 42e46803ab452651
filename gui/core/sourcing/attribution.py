"""Attributions: each quote and reported statement with its cue, source, content and chain.

Quotes are paired by quotes.py and speech frames found by frames.py; here each quote gets
the frame beside it in its sentence ('"...," X said', 'X said: "..."'), the outlet that
relays it ('"Police sources said ...," reports Al Jazeera' gives police sources via Al
Jazeera), or the speaker of the quote before it (a floating quote). Frames left without a
quote are indirect speech.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from gui.core.sourcing.attitudes import find_attitude_frames
from gui.core.sourcing.doc_text import doc_text
from gui.core.sourcing.frames import Frame, VerbClasses, find_frames
from gui.core.sourcing.issuers import document_name, issuer_of, sentence_issuer
from gui.core.sourcing.layout import (
    Layout,
    header_paragraphs,
    in_range,
    outside_headers,
    subject_offsets,
)
from gui.core.sourcing.lexicons import load_lexicons
from gui.core.sourcing.model import Attribution, Source, SpanText
from gui.core.sourcing.quotes import is_closed, pair_quotes
from gui.core.sourcing.relays import nest_relays, relays, same_outlet, without_article
from gui.core.sourcing.resolution import Resolver
from gui.core.sourcing.sources import EntityIndex, source_from, source_phrase, words
from gui.core.sourcing.transcript import transcript_turns

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from gui.core.entities.pipeline import Entity

WIDER_WORDS = 3  # a clause says more than its quote with this many words of the reporter's
PARTIAL_WORDS = 9  # an embedded quote of at most this many words is partial, longer is mixed
_FIRST_PERSON = words("i we you me us")
_FALLBACK_VERBS = {
    **dict.fromkeys(words("say says said saying tell tells told telling"), "neutral"),
    **dict.fromkeys(words("report reports reported reporting add adds added adding"), "relay"),
    **dict.fromkeys(words("note notes noted noting"), "relay"),
    **dict.fromkeys(words("claim claims claimed admit admits admitted insist insisted"), "loaded"),
    **dict.fromkeys(words("accuse accuses accused"), "loaded"),
}


class FallbackVerbs:
    """A few speech verbs: a small stand-in for the lexicons, where the full ones are not wanted."""

    def verb_class(self, verb: str, particle: str = "") -> str:
        """Class of a verb form ('lashed out' with its particle)."""
        if f"{verb} {particle}".lower() in ("lashed out", "lashes out", "lash out"):
            return "loaded"
        return _FALLBACK_VERBS.get(verb.lower(), "")


@lru_cache(maxsize=1)
def default_verbs() -> Any:
    """The bundled speech-verb lexicon."""
    return load_lexicons()


def find_attributions(
    body: str,
    docs: Sequence[tuple[int, Doc]],
    entities: Sequence[Entity],
    lexicons: VerbClasses | None = None,
    outlet: str = "",
) -> list[Attribution]:
    """Quotes and reported statements of the body, with cue, source, content and via chain.

    outlet: the article's own; an interview given to any other outlet is relayed by it.
    """
    verbs = lexicons if lexicons is not None else default_verbs()
    return _Finder(body, docs, entities, verbs, outlet).run()


@dataclass(frozen=True)
class _Pick:
    """What a quote was attributed to: frame, relaying frames, and the frame found inside."""

    frame: Frame | None
    relays: tuple[Frame, ...] = ()
    inner: Frame | None = None


class _Finder:
    """The state of one run of find_attributions over an article."""

    def __init__(
        self,
        body: str,
        docs: Sequence[tuple[int, Doc]],
        entities: Sequence[Entity],
        verbs: Any,
        outlet: str = "",
    ) -> None:
        self.body = body
        self.outlet = outlet
        self.docs = docs
        headers = header_paragraphs(docs)
        self.entities = EntityIndex(outside_headers(entities, docs, headers))
        frames = find_frames(body, docs, verbs, headers)
        frames += find_attitude_frames(body, docs, verbs, headers)
        self.frames = sorted(frames, key=lambda f: f.cue.start)
        self.cues = tuple(getattr(verbs, "anonymity_phrases", tuple)())
        self.starts = [f.cue.start for f in self.frames]
        quotes = [self._cut(q) for q in pair_quotes(body)]
        self.layout = Layout(body, docs, quotes)
        self.resolver = Resolver(body, self.entities, quotes, subject_offsets(docs))
        self.used: set[int] = set()
        self.found: list[Attribution] = []

    def run(self) -> list[Attribution]:
        """All attributions, in body order."""
        quotes = self.layout.quotes
        events: list[tuple[int, int, Any]] = [
            (q.start, 0, (q, self._pick(i, q))) for i, q in enumerate(quotes)
        ]
        for frame in self.frames:
            fresh = id(frame) not in self.used or frame.according or self._wider(frame)
            if fresh and frame.content and self.layout.quote_at(frame.cue.start) is None:
                events.append((min(frame.cue.start, frame.content.start), 1, frame))
        for _, kind, item in sorted(events, key=lambda e: (e[0], e[1])):
            if kind == 0:
                self._add_quote(*item)
            else:
                self._add_indirect(item, ())
        spans = [(offset, offset + len(doc_text(doc))) for offset, doc in self.docs]
        taken = {a.content.start for a in self.found}
        for turn in transcript_turns(self.body, spans, self.entities.entities):
            if not any(turn.content.start <= s < turn.content.end for s in taken):
                self._append(turn)
        ordered = sorted(nest_relays(self.found), key=lambda a: (a.content.start, a.content.end))
        return [replace(a, id=i + 1) for i, a in enumerate(ordered)]

    def _frames_in(self, start: int, end: int) -> list[Frame]:
        """The frames whose cue starts in [start, end)."""
        return [self.frames[i] for i in in_range(self.starts, start, end)]

    def _cut(self, quote: SpanText) -> SpanText:
        """An unclosed quote ends before '..., said X' inside it (the closing mark was lost)."""
        if is_closed(self.body, quote):
            return quote
        for frame in self._frames_in(quote.start + 1, quote.end):
            if frame.speaker is not None:
                first = min(frame.cue.start, frame.offset + source_phrase(frame.speaker).first.idx)
                head = self.body[quote.start : first].rstrip()
                if head.endswith(",") and len(head.split()) > 2:
                    end = len(head) - 1 + quote.start
                    return SpanText(quote.start, end, self.body[quote.start : end])
        return quote

    # -- choosing the frame of a quote ------------------------------------------------------

    def _pick(self, index: int, quote: SpanText) -> _Pick:
        """The frame beside the quote in its sentence, relaying frames, and a frame inside."""
        before, after = self.layout.zones(index)
        in_before = self._frames_in(*before)[::-1]
        in_after = self._frames_in(*after)
        first_after = self.layout.attribution_follows(quote)
        ordered = in_after + in_before if first_after else in_before + in_after
        # '"A," X said, "B."' shares one frame; beliefs are never what a quote says.
        ordered = [f for f in ordered if self._outside_quotes(f) and not f.attitude]
        holder = _innermost_holder([f for f in in_before if f in ordered], quote)
        if holder is not None:  # 'X said officers had responded to "..."': X, not officers
            ordered = [holder, *(f for f in ordered if f is not holder)]
        inner = self._inner_frame(quote)
        if not ordered:
            return _Pick(None, (), inner)
        frame, rest = ordered[0], ordered[1:]
        relays = tuple(f for f in rest if f.verb_class == "relay" or self._outlet_frame(f))
        for f in (frame, *relays):
            self.used.add(id(f))
        return _Pick(frame, relays, inner)

    def _wider(self, frame: Frame) -> bool:
        """True when a frame's content says more than the quotes in it: 'said that X had "..."'."""
        content = frame.content
        if content is None:
            return False
        rest = list(self.body[content.start : content.end])
        for quote in self.layout.quotes_in(content.start, content.end):
            for i in range(max(quote.start - 1, content.start), min(quote.end + 1, content.end)):
                rest[i - content.start] = " "
        return len(re.findall(r"\w+", "".join(rest))) >= WIDER_WORDS

    def _outside_quotes(self, frame: Frame) -> bool:
        """True when the frame's cue is not inside a quote."""
        return self.layout.quote_at(frame.cue.start) is None

    def _inner_frame(self, quote: SpanText) -> Frame | None:
        """A frame in the quote naming its speaker: 'Police sources said ...', '..., it said.'"""
        for frame in self._frames_in(quote.start, quote.end):
            if frame.speaker is None or frame.speaker.lower_ in _FIRST_PERSON:
                continue
            phrase = source_phrase(frame.speaker)
            start = frame.offset + phrase.first.idx
            if not quote.start <= start < quote.end:
                continue
            end = max(frame.cue.end, frame.offset + phrase.last.idx + len(phrase.last.text))
            lead = self.body[quote.start : start].split()
            tail = self.body[end : quote.end].split()
            if (len(lead) <= 2 and _main_clause(frame)) or len(tail) <= 1:
                return frame
        return None

    # -- building attributions --------------------------------------------------------------

    def _add_quote(self, quote: SpanText, pick: _Pick) -> None:
        """The attribution(s) of one quote."""
        paragraph = self.layout.paragraph(quote.start)
        if pick.frame is None:
            self._add_unframed(quote, pick, paragraph)
            return
        outer = self._source(pick.frame)
        via = tuple(self._source(f) for f in pick.relays)
        frame, source, kind = pick.frame, outer, self._kind(quote, pick.frame)
        if pick.frame.relayer is not None:
            via = (*via, self._relayer(pick.frame))
        if pick.inner is not None and self._is_outlet(outer):
            frame, source, via = pick.inner, self._source(pick.inner), (*via, outer)
            self.used.add(id(pick.inner))
            self._add_inner_rest(quote, pick.inner, via)
        elif self._is_outlet(outer):  # "... aid groups say ...," it adds: aid groups via the outlet
            self._add_inner_rest(quote, None, (*via, outer))
        self._emit(kind, frame, source, quote, via, True, paragraph)

    def _add_unframed(self, quote: SpanText, pick: _Pick, paragraph: int) -> None:
        """A quote with no frame beside it: speaker inside, floating, or a scare quote."""
        previous = self._previous(quote, paragraph)
        standalone = not self.layout.embedded_left(quote, None)
        if pick.inner is not None:
            self.used.add(id(pick.inner))
            via = previous.via if previous is not None else ()
            kind = "floating" if previous is not None else "direct"
            content = self._before_tail(quote, pick.inner)
            self._emit(kind, pick.inner, self._source(pick.inner), content, via, True, paragraph)
        elif previous is not None and standalone:
            floating = replace(previous, kind="floating", cue=None, content=quote)
            self._append(replace(floating, quote_marks=True, paragraph=paragraph))
        elif previous is not None and self.layout.same_sentence(previous.content, quote):
            kind = "partial" if len(quote.text.split()) <= PARTIAL_WORDS else "mixed"
            self._append(replace(previous, kind=kind, content=quote, paragraph=paragraph))
        else:
            kind = "direct" if standalone else "partial"
            self._append(Attribution(0, kind, None, Source(None), quote, (), "", True, paragraph))

    def _before_tail(self, quote: SpanText, inner: Frame) -> SpanText:
        """The quote without a trailing '..., it said.' that names its speaker."""
        assert inner.speaker is not None
        first = min(inner.cue.start, inner.offset + source_phrase(inner.speaker).first.idx)
        if first - quote.start < len(quote.text) // 2:
            return quote  # the frame leads the quote: 'Police sources said ...'
        end = len(self.body[quote.start : first].rstrip(" ,")) + quote.start
        return (
            SpanText(quote.start, end, self.body[quote.start : end]) if end > quote.start else quote
        )

    def _add_inner_rest(
        self, quote: SpanText, first: Frame | None, via: tuple[Source, ...]
    ) -> None:
        """Other speech frames inside a relayed quote become indirect statements via the outlet."""
        for frame in self._frames_in(quote.start, quote.end):
            if frame is not first and frame.content and id(frame) not in self.used:
                self.used.add(id(frame))
                self._add_indirect(frame, via)

    def _add_indirect(self, frame: Frame, via: tuple[Source, ...]) -> None:
        """Indirect speech or 'according to' with no quotation marks."""
        assert frame.content is not None
        if frame.relayer is not None:
            via = (*via, self._relayer(frame))
        kind = frame.attitude or ("according_to" if frame.according else "indirect")
        paragraph = self.layout.paragraph(frame.content.start)
        self._emit(kind, frame, self._source(frame), frame.content, via, False, paragraph)

    def _emit(
        self,
        kind: str,
        frame: Frame,
        source: Source,
        content: SpanText,
        via: tuple[Source, ...],
        marks: bool,
        paragraph: int,
    ) -> None:
        """Add one attribution made from a frame (its recipient relays it when an outlet)."""
        relay = self._recipient_relay(frame)
        if relay is not None and not any(v.name == relay.name for v in via):
            via = (*via, relay)
        cls = frame.verb_class
        self._append(Attribution(0, kind, frame.cue, source, content, via, cls, marks, paragraph))

    def _append(self, attribution: Attribution) -> None:
        """Keep an attribution and remember its source for later pronouns."""
        self.found.append(attribution)
        for source in (*attribution.via, attribution.source):  # outermost first, speaker last
            self.resolver.remember(source)

    def _source(self, frame: Frame) -> Source:
        """The resolved source of a frame (unknown when the parse named nobody)."""
        if frame.speaker is None:
            return Source(None, "unknown", channel=frame.channel)
        speaker, channel = frame.speaker, frame.channel
        issuer = issuer_of(speaker) or (sentence_issuer(speaker) if frame.according else None)
        if issuer is not None:  # "a statement from X": X, through its statement
            speaker, channel = issuer, channel or document_name(frame.speaker)
        phrase = source_phrase(speaker)
        source = source_from(phrase, self.entities, frame.offset, self.body, channel, self.cues)
        named = source.span.text if source.span is not None else ""
        if source.type in ("institution", "unknown") and self.resolver.known_person(named):
            source = replace(source, type="person")  # "Lotfy" after "Samir Lotfy"
        return self.resolver.resolve(source, speaker.text)

    def _relayer(self, frame: Frame) -> Source:
        """The outlet that passes a frame's statement on ('citing', 'quoted ... as saying')."""
        assert frame.relayer is not None
        phrase = source_phrase(frame.relayer)
        source = source_from(phrase, self.entities, frame.offset, self.body, cues=self.cues)
        return self.resolver.resolve(source, frame.relayer.text)

    def _recipient_relay(self, frame: Frame) -> Source | None:
        """The outlet told the words ('told the Harbor Ledger'), unless it is the article's own."""
        if frame.recipient is None:
            return None
        phrase = source_phrase(frame.recipient)
        source = source_from(phrase, self.entities, frame.offset, self.body, cues=self.cues)
        if source.span is None:
            return None
        name = self.resolver.display_name(source.span)
        kind = self.resolver.kind_of(source)
        met = [n for n, k in self.resolver.kinds.items() if k == "outlet"]
        if any(same_outlet(text, outlet) for outlet in met for text in (name, source.span.text)):
            kind = "outlet"  # "the Post" after "The Kathmandu Post", "ERT" after "broadcaster ERT"
        if not any(relays(text, kind, self.outlet) for text in (name, source.span.text)):
            return None
        named = name if name != source.span.text else ""
        return replace(source, type="outlet", resolved=without_article(named), anonymous=False)

    def _is_outlet(self, source: Source) -> bool:
        """True for an outlet, or a pronoun or description that stands for one."""
        return source.type == "outlet" or self.resolver.kind_of(source) == "outlet"

    def _outlet_frame(self, frame: Frame) -> bool:
        """True when a frame's speaker is an outlet (for relaying frames beside a quote)."""
        return frame.speaker is not None and self._is_outlet(self._source(frame))

    def _kind(self, quote: SpanText, frame: Frame) -> str:
        """direct, or partial/mixed for a quote embedded in the reporter's sentence."""
        embedded = self.layout.embedded_left(quote, frame.cue.end)
        if frame.according or embedded or self.layout.embedded_right(quote):
            return "partial" if len(quote.text.split()) <= PARTIAL_WORDS else "mixed"
        return "direct"

    def _previous(self, quote: SpanText, paragraph: int) -> Attribution | None:
        """The attribution a floating quote inherits: the last one in this or the last paragraph."""
        for attribution in reversed(self.found):
            if attribution.content.end <= quote.start and attribution.source.type != "unknown":
                return attribution if attribution.paragraph >= paragraph - 1 else None
        return None


def _main_clause(frame: Frame) -> bool:
    """True for a frame that carries its sentence ('X said ...'), not one in a relative clause."""
    if frame.content is not None:
        return True
    return frame.verb is not None and frame.verb.dep_ in ("ROOT", "ccomp", "parataxis")


def _innermost_holder(frames: list[Frame], quote: SpanText) -> Frame | None:
    """Of the frames whose content takes in the quote, the one no other holder sits inside."""
    holders = [f for f in frames if f.content and _holds(f.content, quote)]
    inner = [f for f in holders if not any(_holds_cue(f, g) for g in holders)]
    return min(inner, key=lambda f: len(f.content.text) if f.content else 0, default=None)


def _holds_cue(frame: Frame, other: Frame) -> bool:
    """True when another frame's cue lies inside the frame's content ('reports' over 'said')."""
    content = frame.content
    if content is None or other is frame:
        return False
    return content.start <= other.cue.start < content.end


def _holds(content: SpanText, quote: SpanText) -> bool:
    """True when a frame's content takes in the quote (give or take its marks)."""
    return content.start <= quote.start + 1 and quote.end - 1 <= content.end
