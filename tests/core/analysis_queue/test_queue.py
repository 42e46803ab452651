"""The library's analysis queue: what is missing, worker processes, crashes, resuming."""

from __future__ import annotations

import pytest

from gui.core import findings as article_findings
from gui.core.analysis_queue.estimate import Estimate, duration
from gui.core.analysis_queue.pending import Scan, batches, is_analysed, settings_for
from gui.core.analysis_queue.pool import CRASHED, Pool
from gui.core.analysis_queue.run import Run
from gui.core.analysis_queue.saving import save_batch
from gui.core.analysis_queue.work import Job, analyse_job
from gui.core.articles import Metadata
from gui.core.library.commands import AddArticles, ReplaceBody
from gui.core.storage import ArticleStore, open_library
from gui.core.storage.commands_store import carry_out
from gui.core.storage.settings_store import LexiconStore
from tests.fakes import FakePipeline
from tests.queue_fakes import article, find_fake, load_fake, use_fake_pipeline


@pytest.fixture
def library(tmp_path, monkeypatch):
    use_fake_pipeline(monkeypatch)
    opened = open_library(tmp_path / "lib.sqlite")
    yield opened
    opened.close()


def add(library, *texts):
    return [i for i, _ in carry_out(library, AddArticles(tuple(texts))).report.added]


def finish(library, run, limit=200):
    """Step the run to its end, saving as the command line does; every outcome."""
    seen = []
    for _ in range(limit):
        if run.finished:
            break
        outcomes = run.step(5)
        batch = save_batch(library, outcomes)
        if batch is not None:
            carry_out(library, batch)
        seen += outcomes
    run.close()
    assert run.finished
    return seen


def analyse_here(library, ids):
    """Analyse and save some articles in this process, as a worker would."""
    settings = settings_for(library)
    store = ArticleStore(library)
    outcomes = []
    for article_id in ids:
        a = store.get(article_id)
        job = Job(a.id, a.content_hash, a.metadata.title, a.body, a.metadata)
        outcomes.append(analyse_job(job, FakePipeline(), settings, None, find_fake))
    carry_out(library, save_batch(library, outcomes))
    return outcomes


def missing_ids(library):
    return [m.article_id for m in Scan(library, settings_for(library), chunk=2)]


def test_missing_are_those_without_entities_or_findings_for_the_pipeline(library):
    ids = add(library, *(article(n) for n in range(5)))
    assert missing_ids(library) == ids
    analyse_here(library, ids[:3])
    assert missing_ids(library) == ids[3:]
    shown = article_findings.stored(library, ArticleStore(library).get(ids[0]))
    assert shown.findings is not None and shown.entities  # the window finds them stored


def test_a_new_body_new_lexicons_or_new_metadata_make_an_article_missing_again(library):
    ids = add(library, *(article(n) for n in range(3)))
    analyse_here(library, ids)
    carry_out(library, ReplaceBody(ids[0], "0| A new text by Reuters."))
    assert missing_ids(library) == [ids[0]]
    scan = Scan(library, settings_for(library))
    assert [m.has_entities for m in scan] == [False]
    LexiconStore(library).set_overrides({"hedges": [{"cue": "perhaps", "kind": "hedge"}]})
    again = list(Scan(library, settings_for(library)))
    assert [m.article_id for m in again] == ids
    assert [m.has_entities for m in again] == [False, True, True]  # only findings missing


def test_is_analysed_needs_the_findings_of_the_articles_metadata(library):
    (article_id,) = add(library, article(1))
    analyse_here(library, [article_id])
    state = Scan(library, settings_for(library)).step()
    assert state == []
    from gui.core.storage.analysis_store import AnalysisStore

    (stored,) = AnalysisStore(library).states(settings_for(library).pipeline_id)
    assert is_analysed(stored, settings_for(library))
    other = type(stored)(stored.article_id, stored.content_hash, Metadata(title="Else"), True,
                         stored.findings_ids)  # fmt: skip
    assert not is_analysed(other, settings_for(library))


def test_batches_hold_a_few_articles_or_characters():
    jobs = [Job(n, "h", "t", "x" * size, Metadata()) for n, size in enumerate([5, 5, 20, 5])]
    assert [len(b) for b in batches(jobs, chars=10, most=8)] == [2, 1, 1]
    assert [len(b) for b in batches(jobs, chars=1000, most=3)] == [3, 1]


def test_the_estimate_follows_the_pace_and_leaves_out_pauses():
    estimate = Estimate(total=10)
    estimate.started(0.0)
    assert estimate.seconds_left() is None
    for second in (1.0, 2.0, 3.0, 4.0):
        estimate.finished(second, 100)
    assert estimate.seconds_left() == pytest.approx(6.0)
    estimate.started(100.0)  # resumed after a long pause
    estimate.finished(101.0, 100)
    estimate.finished(102.0, 100)
    assert estimate.seconds_left() == pytest.approx(4.0)
    assert duration(None) == "" and duration(200) == "about 3 min left"


def test_a_run_in_worker_processes_analyses_every_missing_article_once(library, tmp_path,
                                                                         monkeypatch):  # fmt: skip
    log = tmp_path / "log.txt"
    monkeypatch.setenv("QUEUE_LOG", str(log))
    ids = add(library, *(article(n) for n in range(12)))
    analyse_here(library, ids[:2])
    log.unlink()
    settings = settings_for(library)
    run = Run(library, settings, Pool(settings, 2, load_fake, find_fake))
    outcomes = finish(library, run)
    assert sorted(o.article_id for o in outcomes) == ids[2:]
    assert sorted(int(n) for n in log.read_text().split()) == list(range(2, 12))
    assert missing_ids(library) == []


def test_a_failing_or_crashing_article_is_named_skipped_and_the_rest_goes_on(library):
    texts = [article(n) for n in range(6)]
    texts[1] = article(1, "BOOM")
    texts[3] = article(3, "CRASH")
    ids = add(library, *texts)
    settings = settings_for(library)
    run = Run(library, settings, Pool(settings, 2, load_fake, find_fake))
    outcomes = {o.article_id: o for o in finish(library, run)}
    assert set(outcomes) == set(ids)
    assert "the parser failed" in outcomes[ids[1]].error
    assert outcomes[ids[1]].title == "Story 1"
    assert outcomes[ids[3]].error == CRASHED
    assert [o.article_id for o in outcomes.values() if o.error] == [ids[1], ids[3]]
    assert missing_ids(library) == [ids[1], ids[3]]  # the next run tries them again
    assert run.estimate.failed == 2


def test_the_article_put_first_is_done_first(library):
    ids = add(library, *(article(n) for n in range(10)))
    settings = settings_for(library)
    run = Run(library, settings, Pool(settings, 1, load_fake, find_fake))
    run.prioritise(ids[7])
    outcomes = finish(library, run)
    assert outcomes[0].article_id == ids[7]
    assert sorted(o.article_id for o in outcomes) == ids


def test_an_outcome_for_a_changed_body_is_not_kept(library):
    (article_id,) = add(library, article(1))
    settings = settings_for(library)
    a = ArticleStore(library).get(article_id)
    job = Job(a.id, a.content_hash, "t", a.body, a.metadata)
    outcome = analyse_job(job, FakePipeline(), settings, None, find_fake)
    carry_out(library, ReplaceBody(article_id, "1| Changed meanwhile."))
    assert save_batch(library, [outcome]) is None
    assert missing_ids(library) == [article_id]


def test_batches_done_together_come_back_in_the_order_they_were_handed_out(library):
    # Futures finished by the time the run looks are a set: read in its order, the open
    # article's batch could come back after others (a flaky "done first" above).
    from concurrent.futures import Future

    pool = Pool(settings_for(library), 1, load_fake, find_fake)
    for n in range(30):
        done = Future()
        done.set_result([n])
        pool._running[done] = ()
    assert pool.collect() == list(range(30))
