import { Controller, Get, HttpCode, ServiceUnavailableException } from '@nestjs/common';
import { Database } from '@claimtrace/database';

/** Liveness and readiness for load balancers and `docker compose`. */
@Controller('health')
export class HealthController {
  constructor(private readonly db: Database) {}

  @Get()
  @HttpCode(200)
  async health() {
    return this.ready();
  }

  @Get('live')
  live() {
    return { status: 'ok' };
  }

  @Get('ready')
  async ready() {
    try {
      await this.db.query('SELECT 1');
    } catch {
      throw new ServiceUnavailableException({ status: 'unavailable', database: 'unreachable' });
    }
    return { status: 'ok', database: 'ok' };
  }
}
