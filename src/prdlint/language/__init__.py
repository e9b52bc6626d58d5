"""The language layer the engine stages read with: spaCy, the types of the Analysis, and the stories,
words and syntax stages."""
