package io.microplatform.shipping.domain;

import java.util.Objects;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/** A country the shop ships to. */
@Entity
@Table(name = "destinations")
public class Destination {

    @Id
    @Pattern(regexp = "[A-Z]{2}")
    private String countryCode;

    @NotBlank
    private String name;

    public Destination(String countryCode, String name) {
        this.countryCode = Objects.requireNonNull(countryCode);
        this.name = Objects.requireNonNull(name);
    }

    protected Destination() {
        // for JPA
    }

    /** ISO 3166-1 alpha-2, for example {@code DE}. */
    public String countryCode() {
        return countryCode;
    }

    public String name() {
        return name;
    }
}
