package org.nnplayground.playground.link;

/** What changing a setting does to a running session, following TF Playground's page. */
public enum SettingEffect {
    /** Only the drawing changes (showTestData, discretize, hidden controls, ...). */
    DISPLAY,
    /** Training goes on with the new value (learning rate, regularization rate, speed). */
    LIVE,
    /** New data from a new seed drawn from the stream, then new weights (dataset, noise, ratio, problem). */
    NEW_DATA,
    /** New data from the given seed, then new weights. */
    NEW_SEED,
    /** Same data, new weights (activation, shape, features, batch size, regularization, our keys). */
    NEW_NETWORK,
    /** Same network, the heatmaps show another 2-D slice of data with 3+ input columns. */
    SLICE;

    /** The effect of changing {@code key} (a link key or a {@code <control>_hide}). */
    public static SettingEffect of(String key) {
        if (key.endsWith(LinkKey.HIDE_SUFFIX)) {
            // a hidden feature is no input at all (as in TF Playground), so hiding one rebuilds the network
            String control = key.substring(0, key.length() - LinkKey.HIDE_SUFFIX.length());
            boolean feature = LinkKey.find(control).map(k -> k.control().kind() == Control.Kind.FEATURE).orElse(false);
            return feature ? NEW_NETWORK : DISPLAY;
        }
        return LinkKey.find(key).map(LinkKey::effect)
                .orElseThrow(() -> new LinkException(key, "unknown setting"));
    }
}
