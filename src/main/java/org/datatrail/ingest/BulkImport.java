package org.datatrail.ingest;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

import org.datatrail.security.Caller;
import org.springframework.stereotype.Service;

/**
 * Loads a folder of JSON-lines facts files ({@code <section>.jsonl}, one record per line, exactly as the record
 * would appear in that section of a seed file) through {@link FactIngest}, the one write path, in batches.
 * <p>
 * The rule: files are read in the order of the facts schema's sections, so a record's references are loaded
 * before it; each batch of lines is validated and written in one transaction, all or nothing; the first batch
 * refused stops the import, with every problem of that batch named by file, line and field, and the batches
 * before it stay loaded. Writes are idempotent (MERGE by id), so after fixing the file the same import is
 * simply run again: the loaded batches are rewritten unchanged and the import carries on from the fix.
 */
@Service
public final class BulkImport {

    /** Relationships and nodes written, and how long it took. */
    public record Result(long records, long nodesCreated, long relationshipsCreated, long millis) {

        public double relationshipsPerSecond() {
            return millis == 0 ? 0 : relationshipsCreated * 1000.0 / millis;
        }
    }

    /** Records per transaction unless told otherwise: large enough to amortise a commit, small enough for the tx memory limit. */
    public static final int DEFAULT_BATCH = 10_000;

    private final FactIngest ingest;

    public BulkImport(FactIngest ingest) {
        this.ingest = ingest;
    }

    /**
     * @param batchSize records per transaction
     * @param progress where progress lines go (a terminal), or {@code null}
     * @throws FactValidationException for the first refused batch; its problems name file, line and field
     */
    public Result load(Path dir, int batchSize, PrintStream progress) {
        long started = System.nanoTime();
        long[] totals = { 0, 0, 0 };
        Caller caller = Caller.system("import " + dir);
        JsonlBatches.read(dir, batchSize, batch -> {
            try {
                FactWriter.Changes changes = ingest.ingest(List.of(batch.document()), caller);
                totals[1] += changes.nodesCreated();
                totals[2] += changes.relationshipsCreated();
            }
            catch (FactValidationException e) {
                throw batch.atLines(e.problems());
            }
            totals[0] += batch.size();
            if (progress != null) {
                double seconds = (System.nanoTime() - started) / 1e9;
                progress.printf("import: %s lines %,d-%,d of %,d loaded; %,d relationships in %.1f s (%,.0f/s)%n", batch.file().getFileName(),
                        batch.firstLine(), batch.lastLine(), batch.linesInFile(), totals[2], seconds, totals[2] / Math.max(seconds, 1e-9));
            }
        });
        return new Result(totals[0], totals[1], totals[2], (System.nanoTime() - started) / 1_000_000);
    }
}
