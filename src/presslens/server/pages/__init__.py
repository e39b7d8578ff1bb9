"""The HTML pages: Jinja2 templates, static files and the views that fill them."""
