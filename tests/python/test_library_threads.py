"""The library is imported once even when Dask's worker threads (several in one process) ask for it together."""
import threading

from loki_runtime.node_registry import Library

from dispatch_jobs import REPO


def test_threads_asking_for_the_library_at_once_all_get_every_class_and_no_import_fails():
    library = Library([REPO])
    start = threading.Barrier(6)
    seen: list = []

    def ask():
        start.wait()
        seen.append(library.classes)

    threads = [threading.Thread(target=ask) for _ in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    assert library.failures == []
    assert len(seen) == 6 and all(s is seen[0] for s in seen)
    assert {"LokiTextSlugify", "LokiTextTitleSlug", "LokiImageSharpen", "LokiPhotoFinish"} <= set(seen[0])
    assert set(seen[0]) == set(Library([REPO]).classes)  # the class types a lone import finds, none lost to the race

