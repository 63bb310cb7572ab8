package io.microplatform.order.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * Lines with the same sku are merged into one line (an order has one line per sku), so their quantities together
 * must stay within the limit of a single line. A single line over the limit is @Max's to report, not this one's.
 */
@Documented
@Constraint(validatedBy = QuantityPerSkuAtMost.Validator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT })
@Retention(RetentionPolicy.RUNTIME)
@interface QuantityPerSkuAtMost {

    int value();

    // a fixed text: a sku in the template would be evaluated as an expression by the message interpolator
    String message() default "quantities of lines with the same sku must add up to at most {value}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<QuantityPerSkuAtMost, List<PlaceOrderRequest.Item>> {

        private int max;

        @Override
        public void initialize(QuantityPerSkuAtMost annotation) {
            max = annotation.value();
        }

        @Override
        public boolean isValid(List<PlaceOrderRequest.Item> items, ConstraintValidatorContext context) {
            if (items == null) {
                return true;
            }
            Map<String, Integer> quantities = new HashMap<>();
            Map<String, Integer> lines = new HashMap<>();
            for (PlaceOrderRequest.Item item : items) {
                if (item != null && item.sku() != null && item.quantity() != null) {
                    quantities.merge(item.sku(), item.quantity(), Integer::sum);
                    lines.merge(item.sku(), 1, Integer::sum);
                }
            }
            return quantities.entrySet().stream()
                    .noneMatch(sku -> lines.get(sku.getKey()) > 1 && sku.getValue() > max);
        }
    }
}
