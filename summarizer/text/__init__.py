"""The text stage: raw text or HTML in, a :class:`~summarizer.text.document.Document` out.

In the order data takes: ``html`` (markup to paragraphs), ``normalize`` (Unicode, spaces),
``clean`` (datelines, "Baca juga", credit tags), ``segment`` (sentences), ``words``
(tokens, stop words, stems), ``speech`` (reporting verbs), ``language`` (is this
Indonesian?) and ``document`` (the model every later stage reads).
"""
