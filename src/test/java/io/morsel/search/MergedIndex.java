package io.morsel.search;

import java.nio.file.Path;
import org.apache.lucene.index.CodecReader;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SlowCodecReaderWrapper;
import org.apache.lucene.store.FSDirectory;

/**
 * A copy of an index folder with all its segments merged into one, its commit data kept: to measure what the number
 * of segments costs a search ({@code CpuPerSearch} on the folder and on its merged copy; bench/search/README.md).
 *
 * <p>{@code <index folder> <new folder>}
 */
public final class MergedIndex {

	private MergedIndex() {
	}

	public static void main(String[] args) throws Exception {
		try (var from = DirectoryReader.open(FSDirectory.open(Path.of(args[0])));
				var writer = new IndexWriter(FSDirectory.open(Path.of(args[1])),
						new IndexWriterConfig(SearchIndex.ANALYZER))) {
			var started = System.nanoTime();
			var readers = new CodecReader[from.leaves().size()];
			for (int i = 0; i < readers.length; i++) {
				readers[i] = SlowCodecReaderWrapper.wrap(from.leaves().get(i).reader());
			}
			writer.addIndexes(readers);
			writer.setLiveCommitData(from.getIndexCommit().getUserData().entrySet());
			writer.commit();
			System.out.printf("merged %d segments (%,d documents) into one in %,d ms%n", readers.length,
					from.numDocs(), (System.nanoTime() - started) / 1_000_000);
		}
	}
}
