import ComingSoon from '../../components/ComingSoon'
import PageRoot from '../../components/PageRoot'

export default function Study() {
  return (
    <PageRoot>
      <ComingSoon
        title='学习'
        intro='这里将是大家一起读书学习的地方：'
        items={['书库：按主题查找学习资料', '必读书目：支部布置的必读书和进度', '每周一学：每周一篇重点学习内容', '学习记录：自己读过、学过的内容']}
      />
    </PageRoot>
  )
}
