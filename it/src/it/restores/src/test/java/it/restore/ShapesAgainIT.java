package it.restore;

/** The same tests in a second class: under {@code scope: class} it starts from the seed again. */
class ShapesAgainIT extends ShapesIT {}
