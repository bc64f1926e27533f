"""Identity resolution (stage ``resolve``): accounts become persons.

Entry points: :func:`safeguard.resolve.stage.run`, the judgements in
:mod:`safeguard.resolve.judgements`, :func:`safeguard.resolve.explain.explain`
and the CLI commands in :mod:`safeguard.resolve.commands`. Method and
settings: docs/resolution.md.
"""
