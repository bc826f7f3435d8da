package trunkops.drill.ui;

import java.util.function.Function;

import javafx.util.StringConverter;

import trunkops.text.SafeText;

/** A one-way string converter for combo boxes (display only). */
final class Converters {

    private Converters() {
    }

    static <T> StringConverter<T> of(Function<T, String> show) {
        return new StringConverter<>() {
            @Override
            public String toString(T t) {
                return t == null ? "" : SafeText.display(show.apply(t));
            }

            @Override
            public T fromString(String s) {
                return null;
            }
        };
    }
}
