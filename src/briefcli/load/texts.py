"""Each source's text, found once for the cache's build of a dataset from its files'
summaries (:mod:`briefcli.dataset.build`): its real path and the digest of its bytes."""

from __future__ import annotations

import os

from .problems import DataError


class Texts:
    """Each source text's real path and the digest of its bytes, found once for each dataset
    file and text named there (the same text may be named by many sources), and only inside
    the dataset's folders (see :func:`.verify.located_in`).

    Given what the dataset's earlier answer says (:meth:`since`), a file unchanged since then
    keeps the texts that answer found for it, where they still are (a query from a good answer
    keeps them too); only the others are looked for again."""

    def __init__(self, reading, files: list) -> None:
        self._reading = reading
        self._files = files
        self._earlier: tuple[dict, dict, set] | None = None
        self._dataset_files: set[str] | None = None  # the files' real paths (at first need)
        self._locate = None  # verify.located_in, imported at the first text looked for
        self._folders: dict = {}  # see verify.located_in
        self._found: dict[tuple[str, str], tuple[str, bytes]] = {}
        self._parts: dict[int, tuple[dict, dict, dict]] = {}  # see of_part

    def since(self, earlier: tuple[dict, dict, set] | None) -> None:
        """What the earlier answer says (see :func:`briefcli.cache.answer.texts_of`)."""
        self._earlier = earlier

    def of(self, dataset_file: str, rel: str) -> tuple[str, bytes]:
        """The real path and digest of text ``rel`` named in ``dataset_file``; ValueError or
        DataError where the full checks must say what is wrong."""
        key = (dataset_file, rel)
        found = self._found.get(key)
        if found is None:
            if self._locate is None:
                from .verify import located_in

                self._locate = located_in
            full, info = self._locate(dataset_file, rel, self._folders)
            if full in self._dataset():
                raise ValueError("a dataset file")
            found = self._found[key] = full, self._reading.digest(full, rel, info)
        return found

    def find(self, part) -> None:
        """Find the texts a part's sources name ahead of :func:`.outline.outline` (a text that cannot
        be found is left to it), while a helper reads the files that changed.

        A source of a file unchanged since the earlier answer takes its text as that answer
        found it, if the text is still where it would be looked for (see
        :func:`.verify.still_located_each`), with the digest of its bytes now (a changed text
        changes what its quotes are verified with, see :func:`.outline.file_key`)."""
        real = part.file.real
        earlier = self._earlier
        named = [(s["id"], s["text"]) for s in part.summary["sources"] if s["text"]]
        fulls: list = [None] * len(named)  # each text's real path as the earlier answer found it
        infos: list = fulls  # and its status now, if it is still there (see still_located_each)
        if (earlier is not None and real in earlier[0]
                and earlier[0][real] == self._reading.digests.get(real)):
            from .verify import still_located_each

            before, found = earlier[1], earlier[2]
            fulls = [full if (full := before.get(sid)) in found else None for sid, _ in named]
            infos = list(still_located_each(real, [(rel, full) for (_, rel), full
                                                   in zip(named, fulls)], self._folders))
        dataset, digest, store = self._dataset(), self._reading.digest, self._found
        vouched = self._reading.vouched([(full, info) for full, info in zip(fulls, infos)
                                         if info is not None])[::-1]
        for (_, rel), full, info in zip(named, fulls, infos):
            if info is not None:
                value = vouched.pop()
                if full not in dataset:
                    try:
                        store[(real, rel)] = full, (value if value is not None
                                                    else digest(full, rel, info))
                        continue
                    except DataError:
                        pass
            try:
                self.of(real, rel)
            except (ValueError, DataError):
                pass
        if len(named) == len(part.summary["sources"]):
            got = [self._found.get((real, rel)) for _, rel in named]
            if None not in got:
                sids = [sid for sid, _ in named]
                self._parts[id(part)] = (dict(zip(sids, (full for full, _ in got))),
                                         dict(zip(sids, (value for _, value in got))), dict(named))

    def of_part(self, part) -> tuple[dict, dict, dict] | None:
        """For a part whose every source names a text, all found by :meth:`find`: by source id,
        each text's real path, the digest of its bytes, and its name as given; else None."""
        return self._parts.get(id(part))

    def _dataset(self) -> set[str]:
        if self._dataset_files is None:
            self._dataset_files = {os.path.realpath(file.real) for file in self._files}
        return self._dataset_files
