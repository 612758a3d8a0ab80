import { Button } from 'react-aria-components';

interface Props {
  offset: number;
  pageSize: number;
  total: number;
  onOffsetChange: (offset: number) => void;
  /** What is paged, for the buttons' names: "credentials". */
  noun: string;
}

/** "51–100 of 205" with previous and next page buttons. */
export function Pager({ offset, pageSize, total, onOffsetChange, noun }: Props) {
  const first = total === 0 ? 0 : offset + 1;
  const last = Math.min(offset + pageSize, total);
  return (
    <nav className="pager" aria-label={`Pages of ${noun}`}>
      <span className="pager__range" aria-live="polite">
        {first.toLocaleString()}–{last.toLocaleString()} of {total.toLocaleString()}
      </span>
      <Button
        className="button button--small"
        isDisabled={offset === 0}
        onPress={() => onOffsetChange(Math.max(0, offset - pageSize))}
        aria-label={`Previous ${pageSize} ${noun}`}
      >
        Previous
      </Button>
      <Button
        className="button button--small"
        isDisabled={last >= total}
        onPress={() => onOffsetChange(offset + pageSize)}
        aria-label={`Next ${pageSize} ${noun}`}
      >
        Next
      </Button>
    </nav>
  );
}
