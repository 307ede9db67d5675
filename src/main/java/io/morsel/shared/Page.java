package io.morsel.shared;

import java.util.List;
import java.util.function.Function;

/**
 * The rows of one page of a long list, with how many rows the whole list has: enough for "Showing 51–100 of 2,340"
 * and a pager's previous and next links. Public for the templates' expressions.
 */
public record Page<T>(List<T> items, long total, PageRequest request) {

	public Page {
		items = List.copyOf(items);
	}

	/** This page of a list held whole in memory. */
	public static <T> Page<T> of(List<T> all, PageRequest request) {
		var from = (int) Math.min(all.size(), request.offset());
		var to = (int) Math.min(all.size(), request.offset() + request.size());
		return new Page<>(all.subList(from, to), all.size(), request);
	}

	/**
	 * The page asked for, read by {@code read}; when it lies past the end of a list that has rows, the list's last page
	 * instead (a second read), so that a stale link after removals still shows people.
	 */
	public static <T> Page<T> within(PageRequest request, Function<PageRequest, Page<T>> read) {
		var page = read.apply(request);
		if (!page.items().isEmpty() || page.total() == 0 || request.number() == 1) {
			return page;
		}
		return read.apply(request.numbered(page.lastNumber()));
	}

	public int number() {
		return request.number();
	}

	public boolean isEmpty() {
		return items.isEmpty();
	}

	/** The position of the first row shown, from 1; 0 when none is. */
	public long first() {
		return items.isEmpty() ? 0 : request.offset() + 1;
	}

	/** The position of the last row shown. */
	public long last() {
		return items.isEmpty() ? 0 : request.offset() + items.size();
	}

	/** The number of the list's last page; 1 for an empty list. */
	public int lastNumber() {
		return (int) Math.max(1, (total + request.size() - 1) / request.size());
	}

	public boolean hasPrevious() {
		return request.number() > 1;
	}

	public boolean hasNext() {
		return request.number() < lastNumber();
	}

	/**
	 * The page numbers a pager links to: the first, the last, and the two either side of this one, in order; a 0
	 * stands for the numbers left out between two of them.
	 */
	public List<Integer> numbers() {
		var numbers = new java.util.ArrayList<Integer>();
		var last = lastNumber();
		for (var n = 1; n <= last; n++) {
			if (n == 1 || n == last || Math.abs(n - number()) <= 2) {
				numbers.add(n);
			}
			else if (numbers.getLast() != 0) {
				numbers.add(0);
			}
		}
		return numbers;
	}

	/** The same page with its rows turned into something else, for a view. */
	public <R> Page<R> map(Function<? super T, ? extends R> change) {
		return new Page<>(items.stream().<R>map(change).toList(), total, request);
	}
}
