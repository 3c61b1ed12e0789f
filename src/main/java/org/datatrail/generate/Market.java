package org.datatrail.generate;

import java.util.Arrays;

import org.datatrail.generate.Datasets.Items;
import org.datatrail.generate.Datasets.Stock;

import tools.jackson.databind.node.ObjectNode;

/**
 * The transfers, made in date order: first every sale and onward transfer is planned (who sends to whom, on which
 * day), then they happen day by day, so a broker can only pass on what it holds by then, and what it received it
 * passes on later than it arrived. What a broker sends is its choice at that moment:
 * <ul>
 * <li>45 %: a dataset it received (the same dataset), mostly one of its latest purchases;</li>
 * <li>25 %: a dataset it made (a copy, subset, merge, enrichment or model of what it received);</li>
 * <li>22 %: one of its own lists, which nobody sent it;</li>
 * <li>8 %: a supplier's list that no recorded transfer brought it (the sources show it passing the list on, not
 * how it got it).</li>
 * </ul>
 * So a hub broker passes on a given supplier's data in a few of its thousands of transfers: through a hub, most chains
 * of transfers connect organisations without carrying the data of the hop before. One onward transfer in thirty of
 * received or made data is dated before that data arrived there, and one transfer in ten is known only within bounds
 * (earliest and latest) rather than by its date.
 */
final class Market {

    static final String[] PURPOSES = { "service-provision", "direct-marketing", "postal-marketing", "email-marketing",
        "third-party-marketing", "political-campaigning", "profiling", "data-resale" };
    private static final int TIERS = 8;

    private final Records out;
    private final NetworkGenerator.Shape shape;
    private final Datasets datasets;
    /** The day each supplier began collecting, and the purpose its later notice added (null: no later notice). */
    private final int[] collectionStart;
    private final String[] laterPurpose;
    private final int[] supplierDataset;
    private int transfers;

    private long[] keys = new long[1 << 12];
    private int[] senders = new int[1 << 12];
    private int[] receivers = new int[1 << 12];
    private int planned;

    Market(Records out, NetworkGenerator.Shape shape, Datasets datasets, int[] collectionStart, String[] laterPurpose, int[] supplierDataset) {
        this.out = out;
        this.shape = shape;
        this.datasets = datasets;
        this.collectionStart = collectionStart;
        this.laterPurpose = laterPurpose;
        this.supplierDataset = supplierDataset;
    }

    /** Plans and writes every transfer. */
    void run() {
        // 1. Supply: every supplier sells its list to one or two brokers, popular brokers more often, a month to
        // a year after it began collecting, and again up to two years later.
        for (int s = 0; s < shape.suppliers(); s++) {
            int day = collectionStart[s] + 30 + out.nextInt(400);
            for (int k = 0; k < 1 + (out.nextInt(3) == 0 ? 1 : 0); k++) {
                plan(day, shape.firstSupplier() + s, shape.pickBroker(out.random));
                day += 30 + out.nextInt(700);
            }
        }
        // 2. Brokers to brokers, tier by tier (broker b is in tier b % 8), so chains run up to 8 hops; one in thirty
        // goes back to an earlier tier, which makes cycles.
        for (int k = 0; k < shape.organisations() / 10; k++) {
            int from = shape.pickBroker(out.random);
            int tier = from % TIERS;
            boolean back = out.nextInt(30) == 0 || tier == TIERS - 1;
            int to = brokerInTier(back ? out.nextInt(Math.max(1, tier)) : tier + 1);
            if (to != from) {
                plan(out.nextInt(Records.DAYS), from, to);
            }
        }
        // 3. Brokers to end users (marketers, platforms, consultancies) and parties: heavy fan-out from big brokers.
        for (int k = 0; k < (int) (shape.organisations() * 0.45); k++) {
            int from = shape.pickBroker(out.random);
            int to = out.nextInt(20) == 0 ? shape.brokers() + out.nextInt(shape.parties())
                    : shape.firstReceiver() + out.nextInt(shape.organisations() - shape.firstReceiver());
            plan(out.nextInt(Records.DAYS), from, to);
        }
        long[] order = Arrays.copyOf(keys, planned);
        Arrays.sort(order);
        for (long key : order) {
            int i = (int) key;
            int day = (int) (key >>> 32);
            if (senders[i] >= shape.firstSupplier()) {
                sell(senders[i] - shape.firstSupplier(), receivers[i], day);
            }
            else {
                send(senders[i], receivers[i], day);
            }
        }
    }

    private void plan(int day, int from, int to) {
        if (planned == keys.length) {
            keys = Arrays.copyOf(keys, planned * 2);
            senders = Arrays.copyOf(senders, planned * 2);
            receivers = Arrays.copyOf(receivers, planned * 2);
        }
        keys[planned] = (long) day << 32 | planned;
        senders[planned] = from;
        receivers[planned++] = to;
    }

    private int brokerInTier(int tier) {
        // Brokers of a tier are tier, tier + 8, tier + 16, ...; the lower indexes are the popular ones.
        int perTier = (shape.brokers() - tier + TIERS - 1) / TIERS;
        int rank = Math.min(perTier - 1, (int) Math.floor(perTier * Math.pow(out.random.nextDouble(), 3)));
        return tier + rank * TIERS;
    }

    /** A supplier sells its list; where its notice gained a purpose in a later version, often for that purpose. */
    private void sell(int s, int broker, int day) {
        String purpose = laterPurpose[s] != null && out.chance(50) ? laterPurpose[s] : PURPOSES[out.nextInt(PURPOSES.length)];
        transfer(shape.firstSupplier() + s, broker, supplierDataset[s], day, purpose);
    }

    /** A broker sends something to {@code to} on {@code day}: see the class comment for what. */
    private void send(int broker, int to, int day) {
        Stock stock = datasets.stock(broker);
        int roll = out.nextInt(100);
        int dataset = -1;
        int ready = day;
        Items from = roll < 45 ? stock.received : roll < 70 ? (stock.made.size > 0 ? stock.made : stock.received) : null;
        if (from != null && from.size > 0) {
            int i = recent(from);
            dataset = from.ds[i];
            ready = from.day[i];
            out.count(from == stock.made ? "transfers.derivedData" : "transfers.passedOn");
            if (ready >= 60 && out.nextInt(30) == 0) {
                day = ready - 30 - out.nextInt(Math.min(335, ready - 30));
                out.count("transfers.datedBeforeArrival");
            }
            else if (from == stock.made && datasets.get(dataset).dated() > day) {
                out.count("transfers.beforeTheirDerivationDate");
            }
        }
        else if (roll >= 92) {
            dataset = neverReceived(broker);
        }
        if (dataset < 0) {
            dataset = stock.own.get(out.nextInt(stock.own.size()));
            out.count("transfers.ownList");
        }
        boolean toParty = to >= shape.brokers() && to < shape.brokers() + shape.parties();
        transfer(broker, to, dataset, day, toParty ? "political-campaigning" : PURPOSES[out.nextInt(PURPOSES.length)]);
    }

    /** Mostly one of the latest eight, else any. */
    private int recent(Items items) {
        return out.chance(60) ? items.size - 1 - out.nextInt(Math.min(8, items.size)) : out.nextInt(items.size);
    }

    /** A supplier's list the broker has not received, or -1 if five tries found none. */
    private int neverReceived(int broker) {
        for (int tries = 0; tries < 5; tries++) {
            int dataset = supplierDataset[out.nextInt(shape.suppliers())];
            if (!datasets.received(broker, dataset)) {
                out.count("transfers.neverReceived");
                return dataset;
            }
        }
        return -1;
    }

    private void transfer(int from, int to, int dataset, int day, String purpose) {
        String id = datasets.get(dataset).id();
        ObjectNode o = out.object();
        o.put("id", "tr-" + transfers++);
        o.put("from", "org-" + from);
        o.put("to", "org-" + to);
        o.put("dataset", id);
        if (out.nextInt(10) == 0) {
            // the sources bound the date: a quarter before it to half a year after
            o.put("earliest", Records.day(day - out.nextInt(91)));
            o.put("latest", Records.day(day + 1 + out.nextInt(180)));
            out.count("transfers.boundsOnly");
        }
        else {
            o.put("date", Records.day(day));
        }
        if (out.nextInt(20) == 0) {
            o.putNull("recordCount");
        }
        else {
            o.put("recordCount", (long) Math.exp(6 + out.random.nextDouble() * 8));
        }
        o.putArray("purposes").add(purpose);
        o.set("evidence", out.evidence("Organisation " + from + " passed " + id + " to organisation " + to));
        out.write("transfers", o);
        datasets.arrived(to, dataset, day);
    }
}
