package org.nnplayground.playground.session;

import org.nnplayground.playground.link.LinkKey;

/** What changing a setting does to a running session, following TF Playground's page. */
enum SettingEffect {
    /** Only the drawing changes (showTestData, discretize, hidden controls, ...). */
    DISPLAY,
    /** Training goes on with the new value (learning rate, regularization rate). */
    LIVE,
    /** New data from a new seed drawn from the stream, then new weights (dataset, noise, ratio, problem). */
    NEW_DATA,
    /** New data from the given seed, then new weights. */
    NEW_SEED,
    /** Same data, new weights (activation, shape, features, batch size, regularization, our keys). */
    NEW_NETWORK;

    static SettingEffect of(String key) {
        if (key.endsWith(LinkKey.HIDE_SUFFIX)) return DISPLAY;
        LinkKey k = LinkKey.find(key).orElseThrow(() -> new IllegalArgumentException("unknown setting '" + key + "'"));
        return switch (k) {
            case SHOW_TEST_DATA, DISCRETIZE, HIDE_TEXT, COLLECT_STATS, TUTORIAL, COS_X, COS_Y -> DISPLAY;
            case LEARNING_RATE, REGULARIZATION_RATE, LR_SCHEDULE, LR_DECAY, LR_PERIOD, EARLY_STOP -> LIVE;
            case DATASET, REG_DATASET, NOISE, PERC_TRAIN_DATA, PROBLEM -> NEW_DATA;
            case SEED, STANDARDIZE -> NEW_SEED;
            default -> NEW_NETWORK;
        };
    }
}
