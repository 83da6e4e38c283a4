"""Presentation: palette, highlighted HTML, Plotly charts, exports, reports, bundles (layer 3)."""
