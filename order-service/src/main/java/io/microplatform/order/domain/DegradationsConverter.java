package io.microplatform.order.domain;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** The degraded parts of an order as one column, labels joined by commas ('' for none): read with the order, never queried. */
@Converter
class DegradationsConverter implements AttributeConverter<List<Degradation>, String> {

    @Override
    public String convertToDatabaseColumn(List<Degradation> degradations) {
        return degradations == null ? "" : degradations.stream().sorted(Comparator.naturalOrder())
                .map(Degradation::label).collect(Collectors.joining(","));
    }

    @Override
    public List<Degradation> convertToEntityAttribute(String column) {
        return column == null || column.isEmpty() ? List.of()
                : Arrays.stream(column.split(",")).map(Degradation::ofLabel).sorted().toList();
    }
}
