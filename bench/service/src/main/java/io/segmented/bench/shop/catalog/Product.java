package io.segmented.bench.shop.catalog;

import java.util.List;

/** A product as the catalogue service describes it. */
public record Product(
    String sku, String title, String category, long priceCents, List<String> tags) {}
