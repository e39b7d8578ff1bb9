"""presslens.engines"""
