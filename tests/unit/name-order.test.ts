import { byName, nameKey } from '../../server/name-order'

test('a name’s key is its 拼音 with tones, surnames read as surnames', () => {
  expect(nameKey('李四')).toBe('li3 si4')
  expect(nameKey('曾国平')).toBe('zeng1 guo2 ping2')
  expect(nameKey('单雄信')).toBe('shan4 xiong2 xin4')
  expect(nameKey('吕欣然')).toBe('lv3 xin1 ran2')
})

test('rows sort by name in 拼音 order: 李 before 王 before 张, a shorter name before a longer one it begins', () => {
  const rows = ['张三', '王五', '王五一', '李四', '黎明'].map((name) => ({ name }))
  expect(rows.sort(byName).map((r) => r.name)).toEqual(['黎明', '李四', '王五', '王五一', '张三'])
})
