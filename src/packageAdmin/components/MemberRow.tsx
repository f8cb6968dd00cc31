import { Text, View } from '@tarojs/components'
import type { MemberSummary } from '../../../types'
import { ROLE_NAMES } from '../../../types/people'
import { STATUS_NAMES } from '../utils/format'
import '../admin.scss'

/** A member in the roster: name, group, roles and anything unusual about their account. */
export default function MemberRow({ member, onClick }: { member: MemberSummary; onClick?: () => void }) {
  const roles = member.roles.filter((r) => r !== 'member')
  return (
    <View className='row member-row' onClick={onClick}>
      <View className='row__main'>
        <View className='member-row__title'>
          <Text className='row__title'>{member.name}</Text>
          {member.displayName && <Text className='member-row__display'>{`（${member.displayName}）`}</Text>}
        </View>
        <Text className='row__sub'>{`${member.groupName} · ${member.branchName}`}</Text>
        {(roles.length > 0 || member.status !== 'active') && (
          <View>
            {roles.map((r) => (
              <Text key={r} className={`tag ${r === 'leader' ? 'tag--red' : 'tag--blue'}`}>
                {ROLE_NAMES[r]}
              </Text>
            ))}
            {member.status !== 'active' && (
              <Text className={`tag ${member.status === 'pending' ? 'tag--gold' : member.status === 'review' ? 'tag--red' : ''}`}>
                {STATUS_NAMES[member.status]}
              </Text>
            )}
          </View>
        )}
      </View>
      {onClick && <Text className='row__arrow'>›</Text>}
    </View>
  )
}
