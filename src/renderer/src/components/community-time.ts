import { useMemo } from 'react';
import { useSession } from '../api/queries';

export interface CommunityTime {
  timeZone: string | undefined;
  /** "Mar 4, 2:05 PM": for lists where the year is obvious. */
  dateTime(iso: string): string;
  /** "Mar 4, 2025, 2:05:09 PM": for records staff may quote. */
  fullDateTime(iso: string): string;
  /** "2:05 PM" on the community's today, "Mar 4, 2:05 PM" on another day: for status lines. */
  recentTime(iso: string): string;
}

const cache = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string | undefined, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${timeZone ?? ''}|${JSON.stringify(options)}`;
  let format = cache.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(undefined, { ...options, timeZone });
    cache.set(key, format);
  }
  return format;
}

function safeFormat(format: Intl.DateTimeFormat, iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : format.format(date);
}

/** Dates and times always read in the community's time zone, wherever the console runs. */
export function useCommunityTime(): CommunityTime {
  const timeZone = useSession().data?.community.timeZone;
  return useMemo(() => {
    const short = formatter(timeZone, { month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' });
    const full = formatter(timeZone, {
      year: 'numeric',
      month: 'short',
      day: 'numeric',
      hour: 'numeric',
      minute: '2-digit',
      second: '2-digit',
    });
    const day = formatter(timeZone, { year: 'numeric', month: 'numeric', day: 'numeric' });
    const clock = formatter(timeZone, { hour: 'numeric', minute: '2-digit' });
    return {
      timeZone,
      dateTime: (iso) => safeFormat(short, iso),
      fullDateTime: (iso) => safeFormat(full, iso),
      recentTime: (iso) => (safeFormat(day, iso) === day.format(new Date()) ? safeFormat(clock, iso) : safeFormat(short, iso)),
    };
  }, [timeZone]);
}
