"""Readable views of a summary: a self-contained HTML review page and Markdown.

The article and the model's answer are untrusted, so every value goes through Jinja2's
autoescaping (HTML) or Markdown escaping; nothing from them is ever placed in a script.
"""

from __future__ import annotations

from .html import render_html, render_index
from .markdown import render_markdown

__all__ = ["render_html", "render_index", "render_markdown"]
