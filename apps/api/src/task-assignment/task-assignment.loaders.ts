import DataLoader from 'dataloader';
import { DataSource, In } from 'typeorm';
import { AssessmentCycle } from '../cycle/assessment-cycle.entity';
import type { GraphQLContext } from '../graphql/loaders';
import { TaskReassignment } from './task-reassignment.entity';

/**
 * DataLoaders of this feature, created once per request (keyed by the request's context
 * object, so nothing is shared across users and the app's loader list stays untouched).
 */
interface AssignmentLoaders {
  reassignmentsByTask: DataLoader<string, TaskReassignment[]>;
  cycleById: DataLoader<string, AssessmentCycle | undefined>;
}

const perRequest = new WeakMap<object, AssignmentLoaders>();

export function assignmentLoaders(ctx: GraphQLContext, dataSource: DataSource): AssignmentLoaders {
  let loaders = perRequest.get(ctx);
  if (!loaders) {
    loaders = {
      reassignmentsByTask: new DataLoader(async (ids) => {
        const rows = await dataSource.getRepository(TaskReassignment).find({
          where: { taskId: In([...ids]) },
          order: { requestedAt: 'DESC' },
        });
        return ids.map((id) => rows.filter((r) => r.taskId === id));
      }),
      cycleById: new DataLoader(async (ids) => {
        const rows = await dataSource
          .getRepository(AssessmentCycle)
          .find({ where: { id: In([...ids]) } });
        return ids.map((id) => rows.find((r) => r.id === id));
      }),
    };
    perRequest.set(ctx, loaders);
  }
  return loaders;
}
