import { View } from '@tarojs/components';
import './index.scss';

interface Props {
  checked: boolean;
  onChange: (checked: boolean) => void;
  disabled?: boolean;
  className?: string;
}

/**
 * An on/off switch that looks like NutUI's Switch under the app's theme (it reads the same theme
 * variables), at a fraction of its weight: NutUI's brings its config provider, icons and transitions.
 */
export default function Switch({ checked, onChange, disabled = false, className }: Props) {
  const classes = [
    'zb-switch',
    checked ? '' : 'zb-switch--off',
    disabled ? 'zb-switch--disabled' : '',
    className ?? '',
  ];
  return (
    <View
      className={classes.filter(Boolean).join(' ')}
      role="switch"
      aria-checked={checked}
      aria-disabled={disabled}
      onClick={() => {
        if (!disabled) onChange(!checked);
      }}
    >
      <View className="zb-switch__knob">{checked ? null : <View className="zb-switch__line" />}</View>
    </View>
  );
}
