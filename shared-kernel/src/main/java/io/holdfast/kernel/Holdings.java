package io.holdfast.kernel;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Amounts of several assets, each asset named once, kept in asset-code order. Empty holdings mean
 * nothing is held.
 */
public record Holdings(List<AssetAmount> items) {

    private static final int MAX_ASSETS = 100;
    private static final Holdings EMPTY = new Holdings(List.of());

    public Holdings {
        List<AssetAmount> copy = new ArrayList<>(Require.list("holdings", items, MAX_ASSETS));
        Set<String> seen = new HashSet<>();
        for (AssetAmount item : copy) {
            if (!seen.add(item.asset())) {
                throw new InvalidValueException(
                        "holdings", "must name each asset once, but " + item.asset() + " appears twice");
            }
        }
        copy.sort(Comparator.comparing(AssetAmount::asset));
        items = List.copyOf(copy);
    }

    @JsonCreator
    public static Holdings of(Collection<AssetAmount> items) {
        return new Holdings(items == null ? List.of() : List.copyOf(items));
    }

    public static Holdings of(AssetAmount... items) {
        return new Holdings(List.of(items));
    }

    public static Holdings empty() {
        return EMPTY;
    }

    @JsonValue
    @Override
    public List<AssetAmount> items() {
        return items;
    }

    public boolean isEmpty() {
        return items.isEmpty();
    }

    public Set<String> assets() {
        Set<String> assets = new java.util.TreeSet<>();
        items.forEach(item -> assets.add(item.asset()));
        return assets;
    }

    public BigDecimal amountOf(String asset) {
        for (AssetAmount item : items) {
            if (item.asset().equals(asset)) {
                return item.amount();
            }
        }
        return BigDecimal.ZERO;
    }

    public Holdings plus(Holdings other) {
        Map<String, BigDecimal> sum = toMap();
        other.items.forEach(item -> sum.merge(item.asset(), item.amount(), BigDecimal::add));
        return fromMap(sum);
    }

    /** What remains after taking {@code other} away; assets that reach zero disappear. */
    public Holdings minus(Holdings other) {
        if (!covers(other)) {
            throw new IllegalArgumentException("cannot take " + other + " from " + this);
        }
        Map<String, BigDecimal> rest = toMap();
        other.items.forEach(item -> rest.merge(item.asset(), item.amount().negate(), BigDecimal::add));
        return fromMap(rest);
    }

    /** Whether at least the given amount of every asset in {@code other} is held here. */
    public boolean covers(Holdings other) {
        return other.items.stream().allMatch(item -> amountOf(item.asset()).compareTo(item.amount()) >= 0);
    }

    /** The part of {@code wanted} held here: per asset, the smaller of the two amounts. */
    public Holdings intersect(Holdings wanted) {
        Map<String, BigDecimal> common = new TreeMap<>();
        for (AssetAmount item : wanted.items) {
            BigDecimal held = amountOf(item.asset());
            BigDecimal taken = held.min(item.amount());
            if (taken.signum() > 0) {
                common.put(item.asset(), taken);
            }
        }
        return fromMap(common);
    }

    private Map<String, BigDecimal> toMap() {
        Map<String, BigDecimal> map = new TreeMap<>();
        items.forEach(item -> map.put(item.asset(), item.amount()));
        return map;
    }

    private static Holdings fromMap(Map<String, BigDecimal> map) {
        List<AssetAmount> result = new ArrayList<>();
        map.forEach((asset, amount) -> {
            if (amount.signum() > 0) {
                result.add(new AssetAmount(asset, amount));
            }
        });
        return new Holdings(result);
    }

    @Override
    public String toString() {
        if (items.isEmpty()) {
            return "nothing";
        }
        StringBuilder text = new StringBuilder();
        for (AssetAmount item : items) {
            if (!text.isEmpty()) {
                text.append(", ");
            }
            text.append(item.amount().toPlainString()).append(' ').append(item.asset());
        }
        return text.toString();
    }
}
