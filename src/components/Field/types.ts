export interface DateControlProps {
  value: string;
  onChange: (value: string) => void;
  placeholder: string;
  start: string;
  end: string;
  className?: string;
}

export interface SelectControlProps {
  options: Array<{ value: string; label: string }>;
  value: string;
  onChange: (value: string) => void;
  placeholder: string;
  className?: string;
}
