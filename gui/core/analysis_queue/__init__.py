"""Analysis of the whole library in worker processes: what is missing, in batches, resumable.

pending.py says what the library lacks for its current pipeline (nothing else is kept: a run
that was killed leaves what it stored, and the next run starts with what is missing);
work.py is what a worker process does with a batch of articles; pool.py runs batches on the
cores allowed and survives a worker that dies; saving.py turns results into the SaveEntities
and SaveFindings commands the one writer carries out; estimate.py says how long is left.
"""
