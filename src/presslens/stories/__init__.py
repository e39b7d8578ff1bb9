"""Stories: the same event across outlets. An online clusterer (clusterer.py) groups articles
into stories as they arrive, on a similarity made of the sentence encoder's embedding and a
hashed TF-IDF of title and lead (features.py); story.py defines what a story is."""
