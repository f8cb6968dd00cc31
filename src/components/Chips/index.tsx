import { Text, View } from '@tarojs/components'
import './index.scss'

export interface Choice<T extends string> {
  value: T
  label: string
}

interface Props<T extends string> {
  label?: string
  choices: Choice<T>[]
  value: T | undefined
  onChange: (value: T | undefined) => void
  /** The choice meaning「no filter」; absent: one of the choices must be picked. */
  allLabel?: string
}

/** Big tappable choices in a row: one is picked at a time. */
export default function Chips<T extends string>({ label, choices, value, onChange, allLabel }: Props<T>) {
  const all: Choice<T | ''>[] = allLabel ? [{ value: '', label: allLabel }, ...choices] : choices
  return (
    <View className='chips'>
      {label && <Text className='chips__label'>{label}</Text>}
      <View className='chips__row'>
        {all.map((choice) => {
          const picked = (choice.value || undefined) === value
          return (
            <View
              key={choice.value || '_all'}
              className={`chip${picked ? ' chip--picked' : ''}`}
              ariaRole='radio'
              ariaLabel={`${choice.label}${picked ? '，已选' : ''}`}
              onClick={() => onChange((choice.value || undefined) as T | undefined)}
            >
              {choice.label}
            </View>
          )
        })}
      </View>
    </View>
  )
}
