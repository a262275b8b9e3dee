package io.cmkit.connectors.sandbox.internal;

import java.util.SplittableRandom;

/**
 * Stable hashing and seed mixing, so that every random stream of the world is derived from the
 * world's seed and a name (a post id, an account key) and never from the order things happen in.
 */
final class Seeds {

    private Seeds() {
    }

    /** A 64-bit FNV-1a hash of the text, finished with SplitMix64's mixer: stable across JVMs. */
    static long hash(String text) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < text.length(); i++) {
            h ^= text.charAt(i);
            h *= 0x100000001b3L;
        }
        return mix(h);
    }

    /** SplitMix64's finaliser. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /** A seed for one named stream of one world. */
    static long of(long worldSeed, String... names) {
        long h = mix(worldSeed ^ 0x5DEECE66DL);
        for (String name : names) {
            h = mix(h * 31 + hash(name));
        }
        return h;
    }

    /** A random stream for one named purpose of one world. */
    static SplittableRandom random(long worldSeed, String... names) {
        return new SplittableRandom(of(worldSeed, names));
    }

    /** A log-normal draw with median {@code median} and shape {@code sigma}. */
    static double logNormal(SplittableRandom rng, double median, double sigma) {
        return median * Math.exp(sigma * rng.nextGaussian());
    }

    /** A uniform draw in [low, high). */
    static double between(SplittableRandom rng, double low, double high) {
        return low + (high - low) * rng.nextDouble();
    }

    /** One element, uniformly. */
    static <T> T pick(SplittableRandom rng, java.util.List<T> items) {
        return items.get(rng.nextInt(items.size()));
    }
}
