"""The web pages: Jinja2 templates, vendored static assets, and the view helpers that
turn an Analysis into what the templates draw."""
