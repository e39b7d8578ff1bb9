"""presslens_furniture: the lines of an article that are site furniture, not its prose."""
