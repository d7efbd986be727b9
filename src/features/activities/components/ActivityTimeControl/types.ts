export interface TimeControlProps {
  /** `HH:mm`, or '' when not chosen. */
  value: string;
  onChange: (value: string) => void;
  placeholder: string;
  className?: string;
}
