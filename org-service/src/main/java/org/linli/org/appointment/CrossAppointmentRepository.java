package org.linli.org.appointment;

import org.springframework.data.mongodb.repository.MongoRepository;

interface CrossAppointmentRepository extends MongoRepository<CrossAppointment, String> {
}
