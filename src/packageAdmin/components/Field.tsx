import { Input, Text, Textarea, View } from '@tarojs/components'
import '../admin.scss'

interface Props {
  label: string
  value: string
  onInput: (value: string) => void
  /** The contract's limit in characters, said under the field. */
  max?: number
  hint?: string
  placeholder?: string
  multiline?: boolean
  disabled?: boolean
}

/**
 * A labelled text field of an admin form. Typing may run a little past `max`, so the server's
 * message says what is too long instead of the text being cut silently.
 */
export default function Field({ label, value, onInput, max, hint, placeholder, multiline, disabled }: Props) {
  const maxlength = max ? max + 10 : -1
  const note = hint ?? (max ? `最多 ${max} 个字` : undefined)
  return (
    <View className='field'>
      <Text className='field__label'>{label}</Text>
      {multiline ? (
        <Textarea
          className='field__input field__textarea'
          value={value}
          maxlength={maxlength}
          autoHeight
          placeholder={placeholder}
          disabled={disabled}
          onInput={(e) => onInput(e.detail.value)}
        />
      ) : (
        <Input
          className='field__input'
          value={value}
          maxlength={maxlength}
          placeholder={placeholder}
          disabled={disabled}
          onInput={(e) => onInput(e.detail.value)}
        />
      )}
      {note && <Text className='field__hint'>{note}</Text>}
    </View>
  )
}
