"""The MI Workbook engine: pure Python, no widget imports, fully unit-tested.

Modules: ``codes`` (the MITI 4.2.1 scheme), ``model`` (dialogues and utterances), ``loaders``
(YAML dialogues, coded CSV transcripts), ``importers`` (AnnoMI and plain CSVs into dialogue
files), ``agreement`` (learner vs gold), ``miti`` (tallies,
summary scores, levels), ``report`` (text, JSON and HTML reports), ``library`` (where data/ is),
``i18n`` (the translation function), ``errors`` (bad input as one clear message).
"""
